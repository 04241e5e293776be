package com.tradesignals.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Strings that match a regular expression of the small dialect OpenAPI documents use for {@code pattern}: literals,
 * character classes with ranges, {@code \d \w \s \S .}, groups with alternatives and the quantifiers
 * {@code ? * + {n} {m,n}}; anchors are ignored. Unbounded repetition is capped at a few characters.
 */
final class RegexSampler {

    private static final String WORD = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";
    private static final int UNBOUNDED = 8;

    private final String regex;
    private int at;

    private RegexSampler(String regex) {
        this.regex = regex;
    }

    static String sample(String regex, Random random) {
        RegexSampler parser = new RegexSampler(regex);
        Node node = parser.alternatives();
        if (parser.at != regex.length()) {
            throw new IllegalArgumentException("unsupported pattern " + regex + " at " + parser.at);
        }
        StringBuilder out = new StringBuilder();
        node.emit(random, out);
        return out.toString();
    }

    private interface Node {
        void emit(Random random, StringBuilder out);
    }

    private Node alternatives() {
        List<Node> options = new ArrayList<>();
        options.add(sequence());
        while (at < regex.length() && regex.charAt(at) == '|') {
            at++;
            options.add(sequence());
        }
        return options.size() == 1 ? options.get(0)
                : (random, out) -> options.get(random.nextInt(options.size())).emit(random, out);
    }

    private Node sequence() {
        List<Node> parts = new ArrayList<>();
        while (at < regex.length() && regex.charAt(at) != '|' && regex.charAt(at) != ')') {
            parts.add(quantified(atom()));
        }
        return (random, out) -> parts.forEach(part -> part.emit(random, out));
    }

    private Node atom() {
        char c = regex.charAt(at++);
        switch (c) {
            case '^', '$' -> {
                return (random, out) -> { };
            }
            case '(' -> {
                if (regex.startsWith("?:", at)) {
                    at += 2;
                }
                Node group = alternatives();
                expect(')');
                return group;
            }
            case '[' -> {
                return chars(characterClass());
            }
            case '.' -> {
                return chars(WORD);
            }
            case '\\' -> {
                return chars(escape(regex.charAt(at++)));
            }
            default -> {
                return chars(String.valueOf(c));
            }
        }
    }

    private Node quantified(Node atom) {
        if (at >= regex.length()) {
            return atom;
        }
        int min;
        int max;
        switch (regex.charAt(at)) {
            case '?' -> { min = 0; max = 1; at++; }
            case '*' -> { min = 0; max = UNBOUNDED; at++; }
            case '+' -> { min = 1; max = UNBOUNDED; at++; }
            case '{' -> {
                int close = regex.indexOf('}', at);
                String[] bounds = regex.substring(at + 1, close).split(",", -1);
                min = Integer.parseInt(bounds[0]);
                max = bounds.length == 1 ? min : bounds[1].isEmpty() ? min + UNBOUNDED : Integer.parseInt(bounds[1]);
                at = close + 1;
            }
            default -> {
                return atom;
            }
        }
        int low = min;
        int high = max;
        return (random, out) -> {
            int times = low + random.nextInt(high - low + 1);
            for (int i = 0; i < times; i++) {
                atom.emit(random, out);
            }
        };
    }

    private String characterClass() {
        StringBuilder members = new StringBuilder();
        boolean negated = at < regex.length() && regex.charAt(at) == '^';
        if (negated) {
            throw new IllegalArgumentException("unsupported negated class in " + regex);
        }
        while (regex.charAt(at) != ']' || members.isEmpty() && regex.charAt(at - 1) == '[') {
            char c = regex.charAt(at++);
            if (c == '\\') {
                members.append(escape(regex.charAt(at++)));
            } else if (regex.charAt(at) == '-' && regex.charAt(at + 1) != ']') {
                char last = regex.charAt(at + 1);
                at += 2;
                for (char member = c; member <= last; member++) {
                    members.append(member);
                }
            } else {
                members.append(c);
            }
        }
        at++;
        return members.toString();
    }

    private static String escape(char c) {
        return switch (c) {
            case 'd' -> "0123456789";
            case 'w' -> WORD;
            case 'S' -> WORD + "!#%&*+,./:;=?@";
            case 's' -> " ";
            default -> String.valueOf(c);
        };
    }

    private void expect(char c) {
        if (at >= regex.length() || regex.charAt(at) != c) {
            throw new IllegalArgumentException("expected " + c + " in " + regex + " at " + at);
        }
        at++;
    }

    private static Node chars(String members) {
        return (random, out) -> out.append(members.charAt(random.nextInt(members.length())));
    }
}
