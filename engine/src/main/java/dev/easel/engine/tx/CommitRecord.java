package dev.easel.engine.tx;

import java.util.List;

/** A committed transaction: its header and the net change to each row it touched. */
public record CommitRecord(TxInfo info, List<RowChange> changes) {
    public long offset() {
        return info.offset();
    }

    public boolean touchesDurable() {
        for (RowChange c : changes) {
            if (c.table().durable()) {
                return true;
            }
        }
        return false;
    }
}
