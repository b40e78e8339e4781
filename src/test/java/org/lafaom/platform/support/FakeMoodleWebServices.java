package org.lafaom.platform.support;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Moodle's {@code webservice/rest/server.php} as the backend meets it: form-encoded parameters in
 * PHP array notation, {@code wstoken} checked, JSON answers, and errors as HTTP 200 bodies
 * {@code {"exception","errorcode","message"}}. It keeps users, courses and manual enrolments in
 * memory with Moodle's own rules (unique username, e-mail, course short name and idnumber; an
 * enrolment exists once however often it is asked for), and can misbehave on demand: answer 503,
 * answer slowly, or lose a capability.
 */
public final class FakeMoodleWebServices {

    public record User(
            int id, String username, String email, String auth, String firstname, String lastname, String idnumber, boolean suspended) {}

    public record Course(int id, String shortname, String fullname, String idnumber, int categoryid, long startdate, long enddate) {}

    public record Enrolment(int courseId, int userId, int roleId) {}

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Set<String> AUTH_PLUGINS = Set.of("manual", "nologin", "jwtsso");
    private static final Map<String, String> CAPABILITIES = Map.of(
            "core_user_get_users_by_field", "moodle/user:viewdetails",
            "core_user_create_users", "moodle/user:create",
            "core_user_update_users", "moodle/user:update",
            "core_course_get_courses_by_field", "moodle/course:view",
            "core_course_create_courses", "moodle/course:create",
            "core_course_update_courses", "moodle/course:update",
            "enrol_manual_enrol_users", "enrol/manual:enrol",
            "enrol_manual_unenrol_users", "enrol/manual:unenrol",
            "core_enrol_get_enrolled_users", "moodle/course:enrolreview");

    private final Map<Integer, User> users = new ConcurrentHashMap<>();
    private final Map<Integer, Course> courses = new ConcurrentHashMap<>();
    private final Set<Enrolment> enrolments = ConcurrentHashMap.newKeySet();
    private final Set<String> missingCapabilities = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger(100);
    /** Every call that reached a working server, as {@code function}. */
    public final List<String> calls = new CopyOnWriteArrayList<>();

    private volatile String token = "moodle-ws-token-for-tests";
    private volatile int failWithStatus;
    private volatile long delayMillis;

    public String token() {
        return token;
    }

    public void token(String expected) {
        this.token = expected;
    }

    /** Answers every call with this HTTP status (e.g. 503 during maintenance); 0 restores service. */
    public void failWith(int status) {
        this.failWithStatus = status;
    }

    /** Waits this long before answering each call. */
    public void delay(long millis) {
        this.delayMillis = millis;
    }

    /**
     * The next {@code times} calls of {@code function} fail the way Moodle fails when its own
     * database hiccups: HTTP 200 and an exception body.
     */
    public void failNext(String function, int times) {
        failures.put(function, new AtomicInteger(times));
    }

    public void removeCapability(String capability) {
        missingCapabilities.add(capability);
    }

    public void restoreCapabilities() {
        missingCapabilities.clear();
    }

    public List<User> users() {
        return List.copyOf(users.values());
    }

    public List<Course> courses() {
        return List.copyOf(courses.values());
    }

    public Set<Enrolment> enrolments() {
        return Set.copyOf(enrolments);
    }

    public User userByEmail(String email) {
        return users.values().stream().filter(u -> u.email().equals(email)).findFirst().orElse(null);
    }

    public Course courseByIdnumber(String idnumber) {
        return courses.values().stream().filter(c -> idnumber.equals(c.idnumber())).findFirst().orElse(null);
    }

    /** A person created in Moodle by hand (or by an earlier system) before the backend knew them. */
    public User addUser(String email, String firstname, String lastname) {
        int id = ids.incrementAndGet();
        User user = new User(id, email, email, "manual", firstname, lastname, "", false);
        users.put(id, user);
        return user;
    }

    public void enrolByHand(int courseId, int userId) {
        enrolments.add(new Enrolment(courseId, userId, 5));
    }

    public void unenrolByHand(int courseId, int userId) {
        enrolments.removeIf(e -> e.courseId() == courseId && e.userId() == userId);
    }

    public void renameByHand(int userId, String firstname, String lastname) {
        users.computeIfPresent(userId, (id, u) -> new User(id, u.username(), u.email(), u.auth(), firstname, lastname, u.idnumber(),
                u.suspended()));
    }

    public void renameCourseByHand(int courseId, String fullname) {
        courses.computeIfPresent(courseId, (id, c) -> new Course(id, c.shortname(), fullname, c.idnumber(), c.categoryid(), c.startdate(),
                c.enddate()));
    }

    public long calls(String function) {
        return calls.stream().filter(function::equals).count();
    }

    void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
            if (failWithStatus != 0) {
                byte[] body = "<html><body>Service Unavailable</body></html>".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(failWithStatus, body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            Map<String, Object> params = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            Object answer;
            try {
                answer = call(params);
            } catch (MoodleException e) {
                answer = e.body();
            }
            byte[] body = JSON.writeValueAsBytes(answer);
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Object call(Map<String, Object> params) {
        if (!Objects.equals(token, params.get("wstoken"))) {
            throw new MoodleException("moodle_exception", "invalidtoken", "Invalid token - token not found");
        }
        if (!"json".equals(params.get("moodlewsrestformat"))) {
            throw new MoodleException("moodle_exception", "invalidparameter", "Invalid parameter value detected");
        }
        String function = String.valueOf(params.get("wsfunction"));
        String capability = CAPABILITIES.get(function);
        if (capability == null) {
            throw new MoodleException("dml_missing_record_exception", "invalidrecord",
                    "Can't find data record in database table external_functions.");
        }
        if (missingCapabilities.contains(capability)) {
            throw new MoodleException("required_capability_exception", "nopermissions",
                    "Sorry, but you do not currently have permissions to do that (" + capability + ").");
        }
        calls.add(function);
        AtomicInteger failing = failures.get(function);
        if (failing != null && failing.getAndDecrement() > 0) {
            throw new MoodleException("dml_write_exception", "dmlwriteexception", "Error writing to database");
        }
        synchronized (this) {
            return switch (function) {
                case "core_user_get_users_by_field" -> usersByField(params);
                case "core_user_create_users" -> createUsers(list(params, "users"));
                case "core_user_update_users" -> updateUsers(list(params, "users"));
                case "core_course_get_courses_by_field" -> coursesByField(params);
                case "core_course_create_courses" -> createCourses(list(params, "courses"));
                case "core_course_update_courses" -> updateCourses(list(params, "courses"));
                case "enrol_manual_enrol_users" -> enrol(list(params, "enrolments"));
                case "enrol_manual_unenrol_users" -> unenrol(list(params, "enrolments"));
                case "core_enrol_get_enrolled_users" -> enrolled(params);
                default -> throw new IllegalStateException(function);
            };
        }
    }

    private List<Map<String, Object>> usersByField(Map<String, Object> params) {
        String field = required(params, "field");
        List<String> values = list(params, "values").stream().map(String::valueOf).toList();
        return users.values().stream()
                .filter(u -> switch (field) {
                    case "id" -> values.contains(String.valueOf(u.id()));
                    case "email" -> values.contains(u.email());
                    case "username" -> values.contains(u.username());
                    case "idnumber" -> values.contains(u.idnumber());
                    default -> throw invalid("field");
                })
                .map(FakeMoodleWebServices::userJson)
                .toList();
    }

    private List<Map<String, Object>> createUsers(List<Map<String, Object>> requested) {
        List<User> created = new ArrayList<>();
        for (Map<String, Object> u : requested) {
            String username = required(u, "username");
            String email = required(u, "email");
            String auth = String.valueOf(u.getOrDefault("auth", "manual"));
            if (!username.equals(username.toLowerCase())) {
                throw invalid("username");
            }
            if (users.values().stream().anyMatch(x -> x.username().equals(username))
                    || created.stream().anyMatch(x -> x.username().equals(username))) {
                throw new MoodleException("invalid_parameter_exception", "invalidparameter",
                        "Invalid parameter value detected (Username already exists: " + username + ")");
            }
            if (!AUTH_PLUGINS.contains(auth)) {
                throw new MoodleException("invalid_parameter_exception", "invalidparameter",
                        "Invalid parameter value detected (Invalid authentication type: " + auth + ")");
            }
            if (auth.equals("manual") && !u.containsKey("password") && !u.containsKey("createpassword")) {
                throw new MoodleException("invalid_parameter_exception", "invalidparameter",
                        "Invalid parameter value detected (Invalid password: you must provide a password, or set createpassword.)");
            }
            if (users.values().stream().anyMatch(x -> x.email().equals(email))) {
                throw new MoodleException("invalid_parameter_exception", "invalidparameter",
                        "Invalid parameter value detected (Email address already exists: " + email + ")");
            }
            created.add(new User(ids.incrementAndGet(), username, email, auth, required(u, "firstname"), required(u, "lastname"),
                    String.valueOf(u.getOrDefault("idnumber", "")), "1".equals(u.get("suspended"))));
        }
        created.forEach(x -> users.put(x.id(), x));
        return created.stream().map(x -> Map.<String, Object>of("id", x.id(), "username", x.username())).toList();
    }

    private Map<String, Object> updateUsers(List<Map<String, Object>> requested) {
        for (Map<String, Object> u : requested) {
            User old = users.get(Integer.parseInt(required(u, "id")));
            if (old == null) {
                throw new MoodleException("dml_missing_record_exception", "invalidrecord",
                        "Can't find data record in database table user.");
            }
            String email = String.valueOf(u.getOrDefault("email", old.email()));
            if (users.values().stream().anyMatch(x -> x.id() != old.id() && x.email().equals(email))) {
                throw new MoodleException("invalid_parameter_exception", "invalidparameter",
                        "Invalid parameter value detected (Email address already exists: " + email + ")");
            }
            users.put(old.id(), new User(old.id(), String.valueOf(u.getOrDefault("username", old.username())), email,
                    String.valueOf(u.getOrDefault("auth", old.auth())), String.valueOf(u.getOrDefault("firstname", old.firstname())),
                    String.valueOf(u.getOrDefault("lastname", old.lastname())), String.valueOf(u.getOrDefault("idnumber", old.idnumber())),
                    u.containsKey("suspended") ? "1".equals(u.get("suspended")) : old.suspended()));
        }
        return Map.of("warnings", List.of());
    }

    private Map<String, Object> coursesByField(Map<String, Object> params) {
        String field = String.valueOf(params.getOrDefault("field", ""));
        String value = String.valueOf(params.getOrDefault("value", ""));
        List<Map<String, Object>> found = courses.values().stream()
                .filter(c -> switch (field) {
                    case "" -> true;
                    case "id" -> String.valueOf(c.id()).equals(value);
                    case "shortname" -> c.shortname().equals(value);
                    case "idnumber" -> c.idnumber().equals(value);
                    default -> throw invalid("field");
                })
                .map(FakeMoodleWebServices::courseJson)
                .toList();
        return Map.of("courses", found, "warnings", List.of());
    }

    private List<Map<String, Object>> createCourses(List<Map<String, Object>> requested) {
        List<Map<String, Object>> answer = new ArrayList<>();
        for (Map<String, Object> c : requested) {
            String shortname = required(c, "shortname");
            String idnumber = String.valueOf(c.getOrDefault("idnumber", ""));
            if (courses.values().stream().anyMatch(x -> x.shortname().equals(shortname))) {
                throw new MoodleException("moodle_exception", "shortnametaken", "Short name is already used for another course (" + shortname + ")");
            }
            if (!idnumber.isEmpty() && courses.values().stream().anyMatch(x -> x.idnumber().equals(idnumber))) {
                throw new MoodleException("moodle_exception", "courseidnumbertaken", "ID number is already used for another course (" + idnumber + ")");
            }
            if (!"1".equals(required(c, "categoryid"))) {
                throw new MoodleException("dml_missing_record_exception", "invalidrecord", "Can't find data record in database table course_categories.");
            }
            Course course = new Course(ids.incrementAndGet(), shortname, required(c, "fullname"), idnumber, 1,
                    Long.parseLong(String.valueOf(c.getOrDefault("startdate", "0"))),
                    Long.parseLong(String.valueOf(c.getOrDefault("enddate", "0"))));
            courses.put(course.id(), course);
            answer.add(Map.of("id", course.id(), "shortname", shortname));
        }
        return answer;
    }

    private Map<String, Object> updateCourses(List<Map<String, Object>> requested) {
        List<Map<String, Object>> warnings = new ArrayList<>();
        for (Map<String, Object> c : requested) {
            int id = Integer.parseInt(required(c, "id"));
            Course old = courses.get(id);
            if (old == null) {
                warnings.add(Map.of("item", "course", "itemid", id, "warningcode", "errorwhileupdatingcourse",
                        "message", "Can't find data record in database table course."));
                continue;
            }
            courses.put(id, new Course(id, String.valueOf(c.getOrDefault("shortname", old.shortname())),
                    String.valueOf(c.getOrDefault("fullname", old.fullname())), String.valueOf(c.getOrDefault("idnumber", old.idnumber())),
                    old.categoryid(), Long.parseLong(String.valueOf(c.getOrDefault("startdate", old.startdate()))),
                    Long.parseLong(String.valueOf(c.getOrDefault("enddate", old.enddate())))));
        }
        return Map.of("warnings", warnings);
    }

    private Object enrol(List<Map<String, Object>> requested) {
        for (Map<String, Object> e : requested) {
            int course = existingCourse(required(e, "courseid"));
            int user = existingUser(required(e, "userid"));
            enrolments.removeIf(x -> x.courseId() == course && x.userId() == user);
            enrolments.add(new Enrolment(course, user, Integer.parseInt(required(e, "roleid"))));
        }
        return null;
    }

    private Object unenrol(List<Map<String, Object>> requested) {
        for (Map<String, Object> e : requested) {
            int course = existingCourse(required(e, "courseid"));
            int user = existingUser(required(e, "userid"));
            enrolments.removeIf(x -> x.courseId() == course && x.userId() == user);
        }
        return null;
    }

    private List<Map<String, Object>> enrolled(Map<String, Object> params) {
        int course = existingCourse(required(params, "courseid"));
        return enrolments.stream().filter(e -> e.courseId() == course)
                .map(e -> {
                    Map<String, Object> json = userJson(users.get(e.userId()));
                    json.put("roles", List.of(Map.of("roleid", e.roleId(), "name", "", "shortname", e.roleId() == 5 ? "student" : "other",
                            "sortorder", 0)));
                    return json;
                })
                .toList();
    }

    private int existingCourse(String id) {
        int course = Integer.parseInt(id);
        if (!courses.containsKey(course)) {
            throw new MoodleException("dml_missing_record_exception", "invalidrecord", "Can't find data record in database table course.");
        }
        return course;
    }

    private int existingUser(String id) {
        int user = Integer.parseInt(id);
        if (!users.containsKey(user)) {
            throw new MoodleException("dml_missing_record_exception", "invalidrecord", "Can't find data record in database table user.");
        }
        return user;
    }

    private static Map<String, Object> userJson(User u) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", u.id());
        json.put("username", u.username());
        json.put("firstname", u.firstname());
        json.put("lastname", u.lastname());
        json.put("fullname", u.firstname() + " " + u.lastname());
        json.put("email", u.email());
        json.put("auth", u.auth());
        json.put("idnumber", u.idnumber());
        json.put("suspended", u.suspended());
        return json;
    }

    private static Map<String, Object> courseJson(Course c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", c.id());
        json.put("fullname", c.fullname());
        json.put("displayname", c.fullname());
        json.put("shortname", c.shortname());
        json.put("idnumber", c.idnumber());
        json.put("categoryid", c.categoryid());
        json.put("startdate", c.startdate());
        json.put("enddate", c.enddate());
        return json;
    }

    private static String required(Map<String, Object> params, String name) {
        Object value = params.get(name);
        if (value == null || value instanceof Map) {
            throw new MoodleException("invalid_parameter_exception", "invalidparameter",
                    "Invalid parameter value detected (Missing required key in single structure: " + name + ")");
        }
        return String.valueOf(value);
    }

    private static MoodleException invalid(String name) {
        return new MoodleException("invalid_parameter_exception", "invalidparameter", "Invalid parameter value detected (" + name + ")");
    }

    /** {@code a[0][b]=1&a[1][b]=2} → {@code {a: [{b: 1}, {b: 2}]}}, as PHP builds {@code $_POST}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(String form) {
        Map<String, Object> root = new TreeMap<>();
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            List<String> path = new ArrayList<>();
            int bracket = key.indexOf('[');
            path.add(bracket < 0 ? key : key.substring(0, bracket));
            while (bracket >= 0) {
                int close = key.indexOf(']', bracket);
                path.add(key.substring(bracket + 1, close));
                bracket = key.indexOf('[', close);
            }
            Map<String, Object> node = root;
            for (int i = 0; i < path.size() - 1; i++) {
                node = (Map<String, Object>) node.computeIfAbsent(path.get(i), k -> new TreeMap<String, Object>());
            }
            node.put(path.getLast(), value);
        }
        return root;
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Map<String, Object> params, String name) {
        Object value = params.get(name);
        if (!(value instanceof Map<?, ?> map)) {
            throw new MoodleException("invalid_parameter_exception", "invalidparameter",
                    "Invalid parameter value detected (Only arrays accepted. The bad value is: '" + value + "')");
        }
        return new TreeMap<>((Map<String, T>) map).entrySet().stream()
                .sorted((a, b) -> Integer.compare(Integer.parseInt(a.getKey()), Integer.parseInt(b.getKey())))
                .map(Map.Entry::getValue)
                .toList();
    }

    private static final class MoodleException extends RuntimeException {
        private final String exception;
        private final String errorcode;

        MoodleException(String exception, String errorcode, String message) {
            super(message);
            this.exception = exception;
            this.errorcode = errorcode;
        }

        Map<String, Object> body() {
            return Map.of("exception", exception, "errorcode", errorcode, "message", getMessage());
        }
    }
}
