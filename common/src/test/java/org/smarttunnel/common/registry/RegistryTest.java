package org.smarttunnel.common.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.smarttunnel.common.options.InvalidSettingException;
import org.smarttunnel.common.options.Setting;

class RegistryTest {
    @Test
    void sortedByNameOrInRegistrationOrderNamesAreUniqueUnknownNamesListTheChoices() {
        Registry<String> sorted = Registry.sorted("model", Setting.MODEL, s -> s);
        Registry<String> ordered = Registry.ordered("format", Setting.FORMAT, s -> s);
        for (String s : List.of("zing", "pcap", "log")) {
            sorted.register(s);
            ordered.register(s);
        }
        assertEquals(List.of("log", "pcap", "zing"), sorted.all());
        assertEquals(List.of("zing", "pcap", "log"), ordered.all());
        assertEquals("pcap", sorted.byId(" pcap "));
        assertEquals("a model 'pcap' is registered already",
                assertThrows(IllegalArgumentException.class, () -> sorted.register("pcap")).getMessage());
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> ordered.byId("wav"));
        assertEquals(Setting.FORMAT, e.setting());
        assertEquals("must be one of zing, pcap, log, not 'wav'", e.problem());
    }
}
