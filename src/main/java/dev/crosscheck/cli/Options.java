package dev.crosscheck.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A command and its options: {@code --name value}, {@code --flag}, and positional paths. */
record Options(String command, Map<String, String> values, Set<String> flags, List<Path> paths) {

    private static final Set<String> FLAGS = Set.of("json", "serve", "dry-run");
    private static final Set<String> VALUED = Set.of("story", "data", "s3-port", "api-port", "seeds", "format", "api",
            "file", "minutes", "region", "bucket", "table", "report-queue", "endpoint-url");

    static Options parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        Set<String> flags = new HashSet<>();
        List<Path> paths = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--")) {
                String name = a.substring(2);
                String inline = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    inline = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (FLAGS.contains(name)) {
                    flags.add(name);
                } else if (VALUED.contains(name)) {
                    if (inline == null) {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException("--" + name + " needs a value");
                        }
                        inline = args[++i];
                    }
                    values.put(name, inline);
                } else {
                    throw new IllegalArgumentException("unknown option --" + name);
                }
            } else {
                paths.add(Path.of(a));
            }
        }
        return new Options(args[0], values, flags, paths);
    }

    String value(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    int intValue(String name, int fallback) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " needs a number, not '" + v + "'");
        }
    }

    boolean flag(String name) {
        return flags.contains(name);
    }
}
