package dev.simloop.scenarios;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The hunt's result table: one row per scenario version, columns padded to their widest cell, except runs per second
 * (the one value that differs between runs), which is always {@value #SPEED_WIDTH} wide so the layout never changes.
 */
final class HuntTable {

    private static final String[] HEADER = {"scenario", "policy", "seeds tried", "first failing seed", "runs/s",
        "delays after shrinking"};

    private static final int SPEED = 4;
    private static final int SPEED_WIDTH = 9;

    private final List<String[]> rows = new ArrayList<>();

    void row(String scenario, String policy, int seedsTried, String firstFailingSeed, long runsPerSecond,
            String delays) {
        rows.add(new String[] {scenario, policy, String.valueOf(seedsTried), firstFailingSeed,
            String.format(Locale.ROOT, "%d", runsPerSecond), delays});
    }

    String render() {
        int[] widths = new int[HEADER.length];
        List<String[]> all = new ArrayList<>();
        all.add(HEADER);
        all.addAll(rows);
        for (String[] r : all) {
            for (int c = 0; c < r.length; c++) {
                widths[c] = c == SPEED ? SPEED_WIDTH : Math.max(widths[c], r[c].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] r : all) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < r.length; c++) {
                boolean number = c == 2 || c == SPEED;
                line.append(String.format(Locale.ROOT, "%" + (number ? "" : "-") + widths[c] + "s", r[c]));
                line.append(c < r.length - 1 ? "  " : "");
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }
}
