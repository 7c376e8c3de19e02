package com.qteria.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.json.JsonParserFactory;

/**
 * The runtime stage of the repository's {@code Dockerfile} (after its last {@code FROM}), read by the tests that
 * stand in for the image where none can be built: its {@code ENV}, {@code USER}, {@code ENTRYPOINT},
 * {@code HEALTHCHECK}, {@code EXPOSE}, {@code LABEL}s and the layers it copies, in order. Only the instruction forms
 * the Dockerfile uses are understood; anything else there fails the reading, so the tests cannot silently drift.
 */
record Dockerfile(Map<String, String> environment, String user, List<String> entrypoint, List<String> healthCheck,
        List<Integer> ports, Map<String, String> labels, List<String> layers) {

    static final Path PATH = Path.of("Dockerfile");
    private static final Pattern PAIR = Pattern.compile("([A-Za-z_][A-Za-z0-9_.]*)=(\"[^\"]*\"|\\S*)");
    private static final Pattern LAYER = Pattern.compile("--from=build /build/extracted/([a-z-]+)/ \\./");

    static Dockerfile read() {
        try {
            return parse(Files.readString(PATH));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Dockerfile parse(String text) {
        List<String> instructions = instructions(text);
        int lastFrom = 0;
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).startsWith("FROM ")) {
                lastFrom = i;
            }
        }
        Map<String, String> environment = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        List<String> layers = new ArrayList<>();
        List<Integer> ports = new ArrayList<>();
        String user = null;
        List<String> entrypoint = List.of();
        List<String> healthCheck = List.of();
        for (String instruction : instructions.subList(lastFrom + 1, instructions.size())) {
            String keyword = instruction.split(" ", 2)[0];
            String rest = instruction.substring(keyword.length()).strip();
            switch (keyword) {
                case "ENV" -> environment.putAll(pairs(rest));
                case "LABEL" -> labels.putAll(pairs(rest));
                case "USER" -> user = rest;
                case "ENTRYPOINT" -> entrypoint = jsonArray(rest);
                case "HEALTHCHECK" -> healthCheck = jsonArray(rest.substring(rest.indexOf("CMD ") + 4));
                case "EXPOSE" -> ports.add(Integer.parseInt(rest));
                case "COPY" -> {
                    Matcher layer = LAYER.matcher(rest);
                    if (layer.matches()) {
                        layers.add(layer.group(1));
                    }
                }
                case "ARG", "RUN", "WORKDIR", "VOLUME" -> {
                }
                default -> throw new IllegalStateException("Dockerfile: " + keyword + " is not understood here");
            }
        }
        return new Dockerfile(environment, user, entrypoint, healthCheck, ports, labels, layers);
    }

    /** Instructions with their continuation lines joined, comments and blank lines left out. */
    private static List<String> instructions(String text) {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.lines().toList()) {
            String stripped = line.strip();
            if (stripped.startsWith("#") || stripped.isEmpty()) {
                continue;
            }
            boolean continued = stripped.endsWith("\\");
            current.append(continued ? stripped.substring(0, stripped.length() - 1) : stripped).append(' ');
            if (!continued) {
                instructions.add(current.toString().strip().replaceAll("\\s+", " "));
                current.setLength(0);
            }
        }
        return instructions;
    }

    private static Map<String, String> pairs(String text) {
        Map<String, String> pairs = new LinkedHashMap<>();
        Matcher matcher = PAIR.matcher(text);
        while (matcher.find()) {
            pairs.put(matcher.group(1), matcher.group(2).replaceAll("^\"|\"$", ""));
        }
        return pairs;
    }

    private static List<String> jsonArray(String text) {
        return JsonParserFactory.getJsonParser().parseList(text).stream().map(String::valueOf).toList();
    }

    /** The user id of {@code USER uid:gid}. */
    int uid() {
        return Integer.parseInt(user.split(":")[0]);
    }
}
