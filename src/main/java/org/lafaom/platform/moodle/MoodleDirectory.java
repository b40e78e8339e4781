package org.lafaom.platform.moodle;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The Moodle web-service functions provisioning uses, with typed arguments and answers. Each
 * method is one call; retries and ordering belong to the tasks that use them.
 */
@Component
class MoodleDirectory {

    /** A Moodle account as provisioning sees it. */
    record Account(int id, String email, String firstname, String lastname, String auth, boolean suspended) {}

    /** A Moodle course as provisioning sees it. */
    record Course(int id, String shortname, String fullname, String idnumber, long startdate, long enddate) {}

    private final MoodleClient client;
    private final MoodleProperties properties;

    MoodleDirectory(MoodleClient client, MoodleProperties properties) {
        this.client = client;
        this.properties = properties;
    }

    Optional<Account> accountByEmail(String email) {
        return first(client.call("core_user_get_users_by_field", Map.of("field", "email", "values", List.of(email))));
    }

    Optional<Account> accountById(int id) {
        return first(client.call("core_user_get_users_by_field", Map.of("field", "id", "values", List.of(id))));
    }

    List<Account> accountsByIds(List<Integer> ids) {
        List<Account> accounts = new ArrayList<>();
        for (JsonNode u : client.call("core_user_get_users_by_field", Map.of("field", "id", "values", ids))) {
            accounts.add(account(u));
        }
        return accounts;
    }

    /** Creates an account signing in through auth_jwtsso only: it has no password of its own. */
    int createAccount(String email, String firstname, String lastname, String backendUserId) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", email);
        user.put("auth", "jwtsso");
        user.put("email", email);
        user.put("firstname", firstname);
        user.put("lastname", lastname);
        user.put("idnumber", backendUserId);
        JsonNode answer = client.call("core_user_create_users", Map.of("users", List.of(user)));
        return answer.path(0).path("id").asInt();
    }

    /** Also suspends the account of a person the platform blocked or deleted, and lifts that again. */
    void updateAccount(int id, String email, String firstname, String lastname, boolean suspended) {
        client.call("core_user_update_users", Map.of("users", List.of(Map.of(
                "id", id, "username", email, "email", email, "firstname", firstname, "lastname", lastname,
                "suspended", suspended ? 1 : 0))));
    }

    Optional<Course> courseByIdnumber(String idnumber) {
        JsonNode courses = client.call("core_course_get_courses_by_field", Map.of("field", "idnumber", "value", idnumber)).path("courses");
        for (JsonNode c : courses) {
            if (idnumber.equals(c.path("idnumber").asString(""))) {
                return Optional.of(new Course(c.path("id").asInt(), c.path("shortname").asString(""), c.path("fullname").asString(""),
                        c.path("idnumber").asString(""), c.path("startdate").asLong(), c.path("enddate").asLong()));
            }
        }
        return Optional.empty();
    }

    int createCourse(String fullname, String shortname, String idnumber, LocalDate start, LocalDate end) {
        Map<String, Object> course = new LinkedHashMap<>(courseFields(fullname, start, end));
        course.put("shortname", shortname);
        course.put("idnumber", idnumber);
        course.put("categoryid", properties.courseCategoryId());
        course.put("format", "topics");
        JsonNode answer = client.call("core_course_create_courses", Map.of("courses", List.of(course)));
        return answer.path(0).path("id").asInt();
    }

    /** Moodle answers problems with single courses as warnings, not exceptions: those are failures too. */
    void updateCourse(int id, String fullname, LocalDate start, LocalDate end) {
        Map<String, Object> course = new LinkedHashMap<>(courseFields(fullname, start, end));
        course.put("id", id);
        JsonNode warnings = client.call("core_course_update_courses", Map.of("courses", List.of(course))).path("warnings");
        if (warnings.isArray() && !warnings.isEmpty()) {
            throw new MoodleClient.MoodleUnavailable("core_course_update_courses: " + warnings.path(0).path("warningcode").asString("")
                    + " - " + warnings.path(0).path("message").asString(""));
        }
    }

    void enrol(int userId, int courseId) {
        client.call("enrol_manual_enrol_users", Map.of("enrolments", List.of(Map.of(
                "roleid", properties.studentRoleId(), "userid", userId, "courseid", courseId))));
    }

    void unenrol(int userId, int courseId) {
        client.call("enrol_manual_unenrol_users", Map.of("enrolments", List.of(Map.of("userid", userId, "courseid", courseId))));
    }

    /** Ids of the course's students (people holding the student role there). */
    List<Integer> enrolledStudents(int courseId) {
        List<Integer> ids = new ArrayList<>();
        for (JsonNode user : client.call("core_enrol_get_enrolled_users", Map.of("courseid", courseId))) {
            JsonNode roles = user.path("roles");
            boolean student = roles.isMissingNode() || roles.isEmpty();
            for (JsonNode role : roles) {
                student |= role.path("roleid").asInt() == properties.studentRoleId();
            }
            if (student) {
                ids.add(user.path("id").asInt());
            }
        }
        return ids;
    }

    private static Map<String, Object> courseFields(String fullname, LocalDate start, LocalDate end) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("fullname", fullname);
        if (start != null) {
            fields.put("startdate", start.atStartOfDay(ZoneOffset.UTC).toEpochSecond());
        }
        if (end != null) {
            fields.put("enddate", end.atStartOfDay(ZoneOffset.UTC).toEpochSecond());
        }
        return fields;
    }

    private static Optional<Account> first(JsonNode users) {
        if (users == null || !users.isArray() || users.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(account(users.get(0)));
    }

    private static Account account(JsonNode u) {
        return new Account(u.path("id").asInt(), u.path("email").asString(""), u.path("firstname").asString(""),
                u.path("lastname").asString(""), u.path("auth").asString(""), u.path("suspended").asBoolean(false));
    }
}
