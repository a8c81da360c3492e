package io.coherent.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document read with Jackson's streaming parser into a small tree that remembers the file line
 * of every key and value (Jackson's JsonLocation), so that errors can point at the line.
 */
final class YamlTree {
    /** Deepest nesting read: a scenario needs about five levels; each level is a recursion of {@code node}. */
    static final int MAX_DEPTH = 40;

    private YamlTree() {
    }

    sealed interface Node permits MapNode, ListNode, ScalarNode {
        Origin origin();

        default String kind() {
            if (this instanceof MapNode) {
                return "a mapping";
            }
            if (this instanceof ListNode) {
                return "a list";
            }
            String text = ((ScalarNode) this).text();
            return text == null ? "empty" : "'" + text + "'";
        }
    }

    /** A mapping; keys keep their file order and their own origins. Mutable, so that overrides can replace values. */
    record MapNode(Map<String, Node> fields, Map<String, Origin> keyOrigins, Origin origin) implements Node {
        Origin keyOrigin(String key) {
            return keyOrigins.getOrDefault(key, origin);
        }

        void put(String key, Node value, Origin keyOrigin) {
            fields.put(key, value);
            keyOrigins.put(key, keyOrigin);
        }
    }

    record ListNode(List<Node> items, Origin origin) implements Node {
    }

    /** A scalar as written; {@code text} is null for an empty value. */
    record ScalarNode(String text, Origin origin) implements Node {
        Value value() {
            return new Value(text, origin);
        }
    }

    static Node read(Path file) {
        return read(file.toString(), factory -> factory.createParser(file.toFile()));
    }

    /** Parses scenario text (YAML or JSON); {@code name} stands for the file in messages. */
    static Node parse(String text, String name) {
        return read(name, factory -> factory.createParser(text));
    }

    private interface ParserSource {
        JsonParser open(YAMLFactory factory) throws IOException;
    }

    private static Node read(String name, ParserSource source) {
        YAMLFactory factory = new YAMLFactory();
        try (JsonParser p = source.open(factory)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw Origin.file(name, 0).error("scenario", "the scenario file is empty");
            }
            Node root = node(p, name, 0);
            if (p.nextToken() != null) {
                // Jackson reads the documents of a stream one after the other; a scenario is one document
                throw Origin.file(name, p.currentTokenLocation().getLineNr()).error("scenario", "a second YAML "
                        + "document starts here (after ---): a scenario is one document");
            }
            return root;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw Origin.file(name, line).error("scenario", "not valid YAML: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ScenarioException("scenario", "cannot read scenario file " + name + ": " + e.getMessage());
        }
    }

    private static Node node(JsonParser p, String file, int depth) throws IOException {
        Origin here = Origin.file(file, p.currentTokenLocation().getLineNr());
        if (depth > MAX_DEPTH) {
            throw here.error("scenario", "lists and mappings nested deeper than " + MAX_DEPTH + " levels");
        }
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                MapNode map = new MapNode(new LinkedHashMap<>(), new LinkedHashMap<>(), here);
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    Origin keyOrigin = Origin.file(file, p.currentTokenLocation().getLineNr());
                    p.nextToken();
                    Node value = node(p, file, depth + 1);
                    if (map.fields().containsKey(key)) {
                        throw keyOrigin.error(key, key + " is given twice (first on "
                                + map.keyOrigin(key).description().replaceFirst("^.*, ", "") + ")");
                    }
                    map.put(key, value, keyOrigin);
                }
                return map;
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(node(p, file, depth + 1));
                }
                return new ListNode(items, here);
            }
            case VALUE_NULL -> {
                return new ScalarNode(null, here);
            }
            default -> {
                return new ScalarNode(p.getText(), here);
            }
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
