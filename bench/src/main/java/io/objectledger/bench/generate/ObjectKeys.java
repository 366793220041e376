package io.objectledger.bench.generate;

import java.util.Random;

/** Object keys as applications write them: dated paths, some with spaces, '+', '&' or non-ASCII. */
final class ObjectKeys {

    private static final String[] NAMES = {"img %05d.jpg", "log-%05d.json.gz", "report %05d+final.pdf",
            "données/été-%05d.csv", "backup&restore=%05d.tar", "clip_%05d.mp4"};

    private ObjectKeys() {
    }

    static String key(String prefix, int index, Random random) {
        String name = String.format(NAMES[random.nextInt(NAMES.length)], index);
        return prefix + "2026/11/" + String.format("%02d", 1 + index % 28) + "/" + name;
    }
}
