package dev.crosscheck.lambda;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The checks cfn-lint makes that matter for this template, without cfn-lint (it installs from neither Debian's
 * packages nor npm, and PyPI is not reachable from the build): resource types and their properties against
 * {@code template/resource-types.tsv}, attributes read with Fn::GetAtt, references, parameters and conditions used and
 * defined, parameter defaults within their own limits, description lengths, alarm settings CloudWatch accepts, IAM
 * statements well formed, schedule expressions EventBridge accepts. Each problem is "RULE at PLACE: what".
 */
final class TemplateLint {

    /** A resource or SAM event type: its properties, the required ones, its attributes. */
    record Type(Set<String> properties, Set<String> required, Set<String> attributes) {
    }

    static final Map<String, Type> TYPES = loadTypes();

    private static final Set<String> COMPARISON_OPERATORS = Set.of("GreaterThanOrEqualToThreshold",
            "GreaterThanThreshold", "LessThanThreshold", "LessThanOrEqualToThreshold",
            "LessThanLowerOrGreaterThanUpperThreshold", "LessThanLowerThreshold", "GreaterThanUpperThreshold");
    private static final Set<String> STATISTICS = Set.of("SampleCount", "Average", "Sum", "Minimum", "Maximum");
    private static final Set<String> MISSING_DATA = Set.of("breaching", "notBreaching", "ignore", "missing");
    private static final Pattern LOGICAL_ID = Pattern.compile("[A-Za-z0-9]{1,255}");
    private static final Pattern IAM_ACTION = Pattern.compile("[a-z0-9-]+:[A-Za-z0-9*]+");
    private static final Pattern SID = Pattern.compile("[A-Za-z0-9]+");
    private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)");
    private static final Pattern CRON = Pattern.compile("cron\\(\\S+( \\S+){5}\\)");

    private TemplateLint() {
    }

    static List<String> problems(Map<String, Object> template) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> resources = map(template.get("Resources"));
        Map<String, Object> parameters = map(template.getOrDefault("Parameters", Map.of()));
        Map<String, Object> conditions = map(template.getOrDefault("Conditions", Map.of()));
        Map<String, Object> outputs = map(template.getOrDefault("Outputs", Map.of()));

        length(problems, "template", template.get("Description"), 1024);
        Set<String> known = new HashSet<>(resources.keySet());
        known.addAll(parameters.keySet());
        known.addAll(TemplateTest.PSEUDO_PARAMETERS);
        for (var resource : resources.entrySet()) {
            String name = resource.getKey();
            Map<String, Object> r = map(resource.getValue());
            if ("AWS::Serverless::Function".equals(r.get("Type"))) {
                known.add(name + ".Alias");
                known.add(name + ".Version");
            }
            if (!LOGICAL_ID.matcher(name).matches()) {
                problems.add("logical-id at " + name + ": not alphanumeric");
            }
            Type type = TYPES.get(String.valueOf(r.get("Type")));
            if (type == null) {
                problems.add("resource-type at " + name + ": unknown type " + r.get("Type"));
                continue;
            }
            Map<String, Object> properties = map(r.getOrDefault("Properties", Map.of()));
            checkProperties(problems, name, type, properties);
            for (Object target : list(r.get("DependsOn"))) {
                if (!resources.containsKey(target)) {
                    problems.add("depends-on at " + name + ": no resource " + target);
                }
            }
            if (r.get("Condition") != null && !conditions.containsKey(r.get("Condition"))) {
                problems.add("condition at " + name + ": no condition " + r.get("Condition"));
            }
            if ("AWS::Serverless::Function".equals(r.get("Type"))) {
                for (var event : map(properties.getOrDefault("Events", Map.of())).entrySet()) {
                    Map<String, Object> e = map(event.getValue());
                    Type eventType = TYPES.get("SAM event " + e.get("Type"));
                    if (eventType == null) {
                        problems.add("event-type at " + name + "." + event.getKey() + ": unknown type " + e.get("Type"));
                        continue;
                    }
                    Map<String, Object> eventProperties = map(e.getOrDefault("Properties", Map.of()));
                    checkProperties(problems, name + "." + event.getKey(), eventType, eventProperties);
                    if ("Schedule".equals(e.get("Type"))) {
                        schedule(problems, name + "." + event.getKey(), eventProperties.get("Schedule"), parameters);
                    }
                }
            }
            if ("AWS::CloudWatch::Alarm".equals(r.get("Type"))) {
                alarm(problems, name, properties);
            }
            statements(problems, name, properties);
        }
        for (String reference : TemplateTest.references(template)) {
            if (!known.contains(reference)) {
                problems.add("reference: " + reference + " is no resource, parameter or pseudo parameter");
            }
        }
        getAtts(problems, template, resources);
        Set<String> used = TemplateTest.references(Map.of("Resources", resources, "Outputs", outputs,
                "Conditions", conditions, "Globals", template.getOrDefault("Globals", Map.of())));
        for (var parameter : parameters.entrySet()) {
            if (!used.contains(parameter.getKey())) {
                problems.add("unused-parameter at " + parameter.getKey());
            }
            parameter(problems, parameter.getKey(), map(parameter.getValue()));
        }
        Set<String> usedConditions = new TreeSet<>();
        collectConditions(template, usedConditions);
        for (String condition : conditions.keySet()) {
            if (!usedConditions.contains(condition)) {
                problems.add("unused-condition at " + condition);
            }
        }
        for (String condition : usedConditions) {
            if (!conditions.containsKey(condition)) {
                problems.add("condition: " + condition + " is not defined");
            }
        }
        for (var output : outputs.entrySet()) {
            Map<String, Object> o = map(output.getValue());
            if (o.get("Value") == null) {
                problems.add("output at " + output.getKey() + ": no Value");
            }
            length(problems, "output " + output.getKey(), o.get("Description"), 1024);
        }
        return problems;
    }

    private static void checkProperties(List<String> problems, String where, Type type, Map<String, Object> given) {
        for (String property : given.keySet()) {
            if (!type.properties().contains(property)) {
                problems.add("property at " + where + ": " + property + " is not a property of its type");
            }
        }
        for (String required : type.required()) {
            if (!given.containsKey(required)) {
                problems.add("required-property at " + where + ": " + required + " is missing");
            }
        }
    }

    private static void getAtts(List<String> problems, Object node, Map<String, Object> resources) {
        if (node instanceof Map<?, ?> m) {
            for (var entry : m.entrySet()) {
                if ("Fn::GetAtt".equals(entry.getKey()) && entry.getValue() instanceof List<?> l && l.size() == 2) {
                    Object resource = resources.get(l.get(0));
                    Type type = resource == null ? null : TYPES.get(String.valueOf(map(resource).get("Type")));
                    if (type != null && !type.attributes().contains(String.valueOf(l.get(1)))) {
                        problems.add("get-att: " + l.get(0) + " has no attribute " + l.get(1));
                    }
                }
                getAtts(problems, entry.getValue(), resources);
            }
        } else if (node instanceof List<?> l) {
            l.forEach(item -> getAtts(problems, item, resources));
        }
    }

    private static void parameter(List<String> problems, String name, Map<String, Object> p) {
        length(problems, "parameter " + name, p.get("Description"), 4000);
        Object value = p.get("Default");
        if (value == null) {
            return;
        }
        List<Object> allowed = list(p.get("AllowedValues"));
        if (!allowed.isEmpty() && !allowed.contains(value)) {
            problems.add("parameter-default at " + name + ": " + value + " is not among its AllowedValues");
        }
        if ("Number".equals(p.get("Type"))) {
            double number = Double.parseDouble(String.valueOf(value));
            if (p.get("MinValue") != null && number < ((Number) p.get("MinValue")).doubleValue()
                    || p.get("MaxValue") != null && number > ((Number) p.get("MaxValue")).doubleValue()) {
                problems.add("parameter-default at " + name + ": " + value + " is outside MinValue..MaxValue");
            }
        }
    }

    private static void alarm(List<String> problems, String name, Map<String, Object> p) {
        length(problems, "alarm " + name, p.get("AlarmDescription"), 1024);
        if (p.get("ComparisonOperator") != null && !COMPARISON_OPERATORS.contains(p.get("ComparisonOperator"))) {
            problems.add("alarm at " + name + ": ComparisonOperator " + p.get("ComparisonOperator"));
        }
        if (p.get("Statistic") != null && !STATISTICS.contains(p.get("Statistic"))) {
            problems.add("alarm at " + name + ": Statistic " + p.get("Statistic"));
        }
        if (p.get("TreatMissingData") != null && !MISSING_DATA.contains(p.get("TreatMissingData"))) {
            problems.add("alarm at " + name + ": TreatMissingData " + p.get("TreatMissingData"));
        }
        if (p.get("Period") instanceof Number period && !(Set.of(10, 30).contains(period.intValue())
                || period.intValue() % 60 == 0)) {
            problems.add("alarm at " + name + ": Period " + period + " is not 10, 30 or a multiple of 60");
        }
    }

    private static void schedule(List<String> problems, String where, Object expression,
                                 Map<String, Object> parameters) {
        Object value = expression;
        if (expression instanceof Map<?, ?> ref && ref.get("Ref") != null) {
            value = map(parameters.getOrDefault(ref.get("Ref"), Map.of())).get("Default");
        }
        String text = String.valueOf(value);
        var rate = RATE.matcher(text);
        if (rate.matches()) {
            boolean one = rate.group(1).equals("1");
            if (one == rate.group(2).endsWith("s") || rate.group(1).equals("0")) {
                problems.add("schedule at " + where + ": " + text + " (rate(1 unit), rate(N units), N > 0)");
            }
        } else if (!CRON.matcher(text).matches()) {
            problems.add("schedule at " + where + ": " + text + " is no rate(...) or cron(...) expression");
        }
    }

    /** IAM statements anywhere in the resource's properties: Effect, Action and Sid as IAM accepts them. */
    private static void statements(List<String> problems, String where, Object node) {
        if (node instanceof Map<?, ?> m) {
            Object statement = m.get("Statement");
            if (statement instanceof List<?> list) {
                Set<String> sids = new HashSet<>();
                for (Object item : list) {
                    Map<String, Object> s = map(item);
                    if (!Set.of("Allow", "Deny").contains(s.get("Effect"))) {
                        problems.add("iam at " + where + ": Effect " + s.get("Effect"));
                    }
                    for (Object action : list(s.get("Action"))) {
                        if (action instanceof String a && !IAM_ACTION.matcher(a).matches()) {
                            problems.add("iam at " + where + ": Action " + a);
                        }
                    }
                    Object sid = s.get("Sid");
                    if (sid != null && (!SID.matcher(String.valueOf(sid)).matches() || !sids.add(String.valueOf(sid)))) {
                        problems.add("iam at " + where + ": Sid " + sid + " (alphanumeric, unique in its policy)");
                    }
                }
            }
            m.values().forEach(v -> statements(problems, where, v));
        } else if (node instanceof List<?> l) {
            l.forEach(v -> statements(problems, where, v));
        }
    }

    private static void collectConditions(Object node, Set<String> into) {
        if (node instanceof Map<?, ?> m) {
            for (var entry : m.entrySet()) {
                if ("Fn::If".equals(entry.getKey()) && entry.getValue() instanceof List<?> l && !l.isEmpty()) {
                    into.add(String.valueOf(l.get(0)));
                }
                if ("Condition".equals(entry.getKey()) && entry.getValue() instanceof String c) {
                    into.add(c);
                }
                collectConditions(entry.getValue(), into);
            }
        } else if (node instanceof List<?> l) {
            l.forEach(item -> collectConditions(item, into));
        }
    }

    private static void length(List<String> problems, String where, Object text, int most) {
        if (text instanceof String s && s.length() > most) {
            problems.add("description at " + where + ": " + s.length() + " characters, at most " + most);
        }
    }

    private static Map<String, Type> loadTypes() {
        Map<String, Type> types = new HashMap<>();
        try (var in = TemplateLint.class.getResourceAsStream("/template/resource-types.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                Set<String> properties = new HashSet<>();
                Set<String> required = new HashSet<>();
                for (String p : columns[1].split(" ")) {
                    String name = p.startsWith("*") ? p.substring(1) : p;
                    properties.add(name);
                    if (p.startsWith("*")) {
                        required.add(name);
                    }
                }
                Set<String> attributes = columns.length > 2 ? Set.of(columns[2].split(" ")) : Set.of();
                types.put(columns[0], new Type(properties, required, attributes));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return types;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return node instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static List<Object> list(Object node) {
        if (node == null) {
            return List.of();
        }
        return node instanceof List<?> l ? new ArrayList<>(l) : List.of(node);
    }
}
