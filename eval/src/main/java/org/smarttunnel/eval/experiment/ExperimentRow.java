package org.smarttunnel.eval.experiment;

import org.smarttunnel.common.table.Column;
import org.smarttunnel.common.table.TableSpec;
import org.smarttunnel.replay.run.ReplayRow;

/** One row of {@code replay.csv}: an interval replayed in run {@code run} of cell (N, G) at redundancy K. */
public record ExperimentRow(int n, int k, int g, int run, ReplayRow replay) {

    /** {@code replay.csv}: the cell and run, then the columns of {@code replay}'s rows. */
    public static final TableSpec<ExperimentRow> TABLE = TableSpec.<ExperimentRow>named("replay.csv")
            .about("evaluate's replay.csv: every interval replayed, with its cell and run")
            .column(Column.integer("n_paths", "paths", ExperimentRow::n))
            .column(Column.integer("k", "packets", ExperimentRow::k))
            .column(Column.integer("g", "paths", ExperimentRow::g))
            .column(Column.integer("run", "", ExperimentRow::run))
            .columns(ReplayRow.TABLE, ExperimentRow::replay)
            .build();
}
