<?php
// Pure helpers of lafaom_configure.php: no Moodle code here, so tests/stack runs them on any PHP.

/** Web-service functions the backend calls (its moodle module); nothing else is granted. */
const LAFAOM_WS_FUNCTIONS = [
    'core_user_get_users_by_field',
    'core_user_create_users',
    'core_user_update_users',
    'core_course_get_courses_by_field',
    'core_course_create_courses',
    'core_course_update_courses',
    'enrol_manual_enrol_users',
    'enrol_manual_unenrol_users',
    'core_enrol_get_enrolled_users',
];

/**
 * Capabilities of the provisioning role, at system level: those the functions above declare
 * (lib/db/services.php, enrol/manual/db/services.php), plus what their code checks on the way
 * (seeing courses it is not enrolled in, assigning the student role, the REST protocol).
 */
const LAFAOM_WS_CAPABILITIES = [
    'webservice/rest:use',
    // core_user_get_users_by_field, core_user_create_users, core_user_update_users. The last two
    // of these four are not declared by the functions but user_get_user_details() needs them to
    // return a user's e-mail (an identity field) and username: without them a search by e-mail
    // finds nothing (seen on Moodle 4.5.6, user/lib.php).
    'moodle/user:viewdetails',
    'moodle/user:viewhiddendetails',
    'moodle/course:useremail',
    'moodle/site:viewuseridentity',
    'moodle/user:viewalldetails',
    'moodle/user:create',
    'moodle/user:update',
    // core_course_get_courses_by_field, core_course_create_courses, core_course_update_courses
    'moodle/course:view',
    'moodle/course:viewhiddencourses',
    'moodle/category:viewcourselist',
    'moodle/course:create',
    'moodle/course:visibility',
    'moodle/course:update',
    'moodle/course:changecategory',
    'moodle/course:changefullname',
    'moodle/course:changeshortname',
    'moodle/course:changeidnumber',
    'moodle/course:changesummary',
    // enrol_manual_enrol_users, enrol_manual_unenrol_users (the role must be allowed to assign
    // the student role too: lafaom_configure.php sets that)
    'enrol/manual:enrol',
    'enrol/manual:unenrol',
    'moodle/role:assign',
    // core_enrol_get_enrolled_users
    'moodle/course:viewparticipants',
    'moodle/site:accessallgroups',
];

/** Moodle's default curlsecurityblockedhosts (admin/settings/security.php). */
const LAFAOM_MOODLE_BLOCKED_HOSTS = [
    '127.0.0.0/8',
    '192.168.0.0/16',
    '10.0.0.0/8',
    '172.16.0.0/12',
    '0.0.0.0',
    'localhost',
    '169.254.169.254',
    '0000::1',
];

/**
 * Moodle's default blocklist of outgoing-request hosts, minus the stack's own subnets: every
 * private range stays blocked except the exact subnets given, so Moodle can read the backend's
 * JWKS over the internal network and nothing else private.
 *
 * @param string[] $allowed IPv4 CIDR ranges, e.g. ['172.30.1.0/24']
 * @return string[] entries for curlsecurityblockedhosts
 */
function lafaom_blocked_hosts(array $allowed): array {
    $allowed = array_map('lafaom_cidr', $allowed);
    $result = [];
    foreach (LAFAOM_MOODLE_BLOCKED_HOSTS as $entry) {
        if (!preg_match('#^\d+\.\d+\.\d+\.\d+/\d+$#', $entry)) {
            $result[] = $entry;
            continue;
        }
        foreach (lafaom_cidr_exclude(lafaom_cidr($entry), $allowed) as [$base, $bits]) {
            $result[] = long2ip($base) . '/' . $bits;
        }
    }
    return $result;
}

/** @return array{0:int,1:int} network address and prefix length of an IPv4 CIDR */
function lafaom_cidr(string $cidr): array {
    if (!preg_match('#^(\d+\.\d+\.\d+\.\d+)/(\d+)$#', trim($cidr), $m) || ip2long($m[1]) === false || (int)$m[2] > 32) {
        throw new InvalidArgumentException("not an IPv4 CIDR range: '$cidr'");
    }
    $bits = (int)$m[2];
    $mask = $bits === 0 ? 0 : (0xFFFFFFFF << (32 - $bits)) & 0xFFFFFFFF;
    return [ip2long($m[1]) & $mask, $bits];
}

/**
 * The parts of $range not covered by any of $holes, as the fewest CIDR blocks: a range that
 * overlaps a hole is split in two halves until each half is either clear or inside a hole.
 */
function lafaom_cidr_exclude(array $range, array $holes): array {
    [$base, $bits] = $range;
    $size = 2 ** (32 - $bits);
    $overlaps = false;
    foreach ($holes as [$hbase, $hbits]) {
        $hsize = 2 ** (32 - $hbits);
        if ($base >= $hbase && $base + $size <= $hbase + $hsize) {
            return [];
        }
        if ($hbase < $base + $size && $base < $hbase + $hsize) {
            $overlaps = true;
        }
    }
    if (!$overlaps) {
        return [$range];
    }
    $half = $size / 2;
    return array_merge(
        lafaom_cidr_exclude([$base, $bits + 1], $holes),
        lafaom_cidr_exclude([$base + $half, $bits + 1], $holes)
    );
}

/** Ports Moodle may fetch from: the web's, plus the port of each URL given (the JWKS URL). */
function lafaom_allowed_ports(array $urls): array {
    $ports = ['443', '80'];
    foreach ($urls as $url) {
        $port = parse_url($url, PHP_URL_PORT);
        if ($port && !in_array((string)$port, $ports, true)) {
            $ports[] = (string)$port;
        }
    }
    return $ports;
}
