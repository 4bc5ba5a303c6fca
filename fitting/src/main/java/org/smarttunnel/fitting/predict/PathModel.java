package org.smarttunnel.fitting.predict;

import org.smarttunnel.fitting.model.DelayProfile;
import org.smarttunnel.fitting.model.MarkovLoss;

/** All an allocator may know about a path in one mode: its loss model and its delays, from the model window only. */
public record PathModel(MarkovLoss loss, DelayProfile delay) {
    public double lossRate() {
        return loss.lossRate();
    }
}
