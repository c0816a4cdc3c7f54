package org.gawah.testimony;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.gawah.GawahException;
import org.gawah.Message;

/**
 * One object of the documenter's input, read field by field with its JSON path at hand, so every
 * refusal names the field. Each object declares its fields when it is opened and refuses any
 * other at once: a typo ("pseudonim") is reported as itself, not as a missing field.
 *
 * <p>Two kinds of string: <em>text</em> (free text, possibly identifying, never quoted in a
 * message) and <em>tokens</em> (enum values, codes, dates: quoted when short and plain ASCII, so
 * "documentor" can be seen as the typo it is). JSON null counts as absent.
 */
final class Input {
    /** What a quoted token may look like: short ASCII, no room for a sentence of testimony. */
    private static final Pattern QUOTABLE = Pattern.compile("[A-Za-z0-9_.:+\\-]{1,40}");
    private static final Pattern FIELD_NAME = Pattern.compile("[a-z0-9_]{1,40}");

    private final JsonNode node;
    private final String path;
    private final List<String> fields;

    private Input(JsonNode node, String path, String... fields) {
        this.node = node;
        this.path = path;
        this.fields = List.of(fields);
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!this.fields.contains(name)) {
                // The name is echoed only if it looks like a field name: it is input too.
                String known = String.join(", ", fields);
                if (FIELD_NAME.matcher(name).matches()) {
                    throw refuse(name, Messages.of("field.unknown", known));
                }
                throw refusal(path.isEmpty() ? Messages.of("field.top-level") : path, Messages.of("field.has-unknown", known));
            }
        }
    }

    /** The top-level input object, with its allowed fields. */
    static Input root(JsonNode node, String... fields) {
        if (node == null || !node.isObject()) {
            throw Json.refused(Messages.of("input.not-object"));
        }
        return new Input(node, "", fields);
    }

    /** True if {@code key} is present and not null. */
    boolean has(String key) {
        return value(key) != null;
    }

    /** A refusal naming {@code key} of this object. */
    GawahException refuse(String key, Message problem) {
        return refusal(path(key), problem);
    }

    /** A refusal naming {@code key} of this object, quoting the value given if it is short plain ASCII. */
    GawahException refuse(String key, Message problem, String value) {
        return refusal(path(key), problem, value);
    }

    /** As above, with what to do about it ({@code hint}; null for the general one). */
    GawahException refuse(String key, Message problem, String value, Message hint) {
        return Json.refused(quotable(value) ? Messages.of("field.problem-got", path(key), problem, value)
                : Messages.of("field.problem", path(key), problem), hint);
    }

    /** A refusal naming the field at {@code where}: its path, or a Message such as "(top level)". */
    static GawahException refusal(Object where, Message problem) {
        return Json.refused(Messages.of("field.problem", where, problem));
    }

    /** As above, quoting {@code value} when it is short plain ASCII (it may be a typo worth seeing). */
    static GawahException refusal(Object where, Message problem, String value) {
        if (quotable(value)) {
            return Json.refused(Messages.of("field.problem-got", where, problem, value));
        }
        return refusal(where, problem);
    }

    Input object(String key, String... fields) {
        Input in = optionalObject(key, fields);
        if (in == null) {
            throw refuse(key, Messages.of("field.required"));
        }
        return in;
    }

    Input optionalObject(String key, String... fields) {
        JsonNode v = value(key);
        if (v == null) {
            return null;
        }
        if (!v.isObject()) {
            throw refuse(key, Messages.of("field.must-be-object"));
        }
        return new Input(v, path(key), fields);
    }

    /** An array of at least {@code min} objects; null if absent and {@code min} is 0. */
    List<Input> objects(String key, int min, String... fields) {
        List<Input> result = new ArrayList<>();
        JsonNode array = array(key, min);
        if (array == null) {
            return null;
        }
        for (int i = 0; i < array.size(); i++) {
            String at = path(key) + "[" + i + "]";
            if (!array.get(i).isObject()) {
                throw refusal(at, Messages.of("field.must-be-object"));
            }
            result.add(new Input(array.get(i), at, fields));
        }
        return result;
    }

    /** Required free text, not blank, at most 64 KiB of UTF-8. */
    String text(String key) {
        return text(key, Text.LIMIT);
    }

    String text(String key, int maxBytes) {
        String s = optionalText(key, maxBytes);
        if (s == null) {
            throw refuse(key, Messages.of("field.required"));
        }
        return s;
    }

    String optionalText(String key) {
        return optionalText(key, Text.LIMIT);
    }

    /** Free text if present; when present it may not be blank (leave a field out instead). */
    String optionalText(String key, int maxBytes) {
        JsonNode v = value(key);
        return v == null ? null : Text.check(v, path(key), maxBytes);
    }

    /** An optional array of free-text items, each not blank; null if absent. */
    List<String> texts(String key) {
        JsonNode array = array(key, 0);
        if (array == null) {
            return null;
        }
        List<String> result = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            result.add(Text.check(array.get(i), path(key) + "[" + i + "]", Text.LIMIT));
        }
        return result;
    }

    boolean bool(String key) {
        JsonNode v = value(key);
        if (v == null) {
            throw refuse(key, Messages.of("field.required-boolean"));
        }
        if (!v.isBoolean()) {
            throw refuse(key, Messages.of("field.must-be-boolean"));
        }
        return v.booleanValue();
    }

    /** A required token: a short non-secret string such as a date or a code. */
    String token(String key) {
        String s = optionalToken(key);
        if (s == null) {
            throw refuse(key, Messages.of("field.required"));
        }
        return s;
    }

    String optionalToken(String key) {
        JsonNode v = value(key);
        if (v == null) {
            return null;
        }
        if (!v.isTextual()) {
            throw refuse(key, Messages.of("field.must-be-string"));
        }
        return v.textValue();
    }

    /** A required token that must be one of {@code allowed}. */
    String choice(String key, List<String> allowed) {
        String s = optionalChoice(key, allowed);
        if (s == null) {
            throw refuse(key, Messages.of("field.required-one-of", String.join(", ", allowed)));
        }
        return s;
    }

    String optionalChoice(String key, List<String> allowed) {
        String s = optionalToken(key);
        if (s != null && !allowed.contains(s)) {
            throw refuse(key, Messages.of("field.must-be-one-of", String.join(", ", allowed)), s);
        }
        return s;
    }

    /** An array of at least {@code min} tokens, each passing {@code valid} (else {@code problem}), none repeated. */
    List<String> tokens(String key, int min, Predicate<String> valid, Message problem) {
        return tokens(key, min, valid, value -> problem);
    }

    /** As above, the problem told for the value refused (a language's name, say, gets its code). */
    List<String> tokens(String key, int min, Predicate<String> valid, Function<String, Message> problem) {
        JsonNode array = array(key, min);
        if (array == null) {
            return null;
        }
        List<String> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            String at = path(key) + "[" + i + "]";
            JsonNode item = array.get(i);
            if (!item.isTextual() || !valid.test(item.textValue())) {
                String value = item.isTextual() ? item.textValue() : null;
                throw refusal(at, problem.apply(value), value);
            }
            if (!seen.add(item.textValue())) {
                throw refusal(at, Messages.of("field.repeats"), item.textValue());
            }
            result.add(item.textValue());
        }
        return result;
    }

    /** Whether a value may be quoted in a message: only if it is short plain ASCII. */
    private static boolean quotable(String value) {
        return value != null && QUOTABLE.matcher(value).matches();
    }

    private JsonNode array(String key, int min) {
        JsonNode v = value(key);
        if (v == null) {
            if (min > 0) {
                throw refuse(key, Messages.of("field.required-array", min));
            }
            return null;
        }
        if (!v.isArray()) {
            throw refuse(key, Messages.of("field.must-be-array"));
        }
        if (v.size() < min) {
            throw refuse(key, min == 1 ? Messages.of("field.at-least-one", min) : Messages.of("field.at-least", min));
        }
        return v;
    }

    private JsonNode value(String key) {
        if (!fields.contains(key)) {
            throw new IllegalStateException("undeclared field " + path(key)); // a bug, not input
        }
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? null : v;
    }

    private String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
