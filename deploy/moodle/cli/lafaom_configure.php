<?php
// Moodle CLI script of the LAFAOM-MAO stack, run by lafaom-init.sh as www-data after every
// install or upgrade. Each step converges to the desired state, so running it again changes
// nothing (or repairs what someone changed by hand):
//
//   - outgoing-request filter: Moodle's default private-range blocklist, minus the stack's own
//     subnets, and the JWKS port allowed;
//   - the auth_jwtsso and webservice authentication plugins enabled;
//   - Redis as the application and session cache store (MUC);
//   - web services on, REST protocol on;
//   - role "lafaom_provisioning" holding exactly LAFAOM_WS_CAPABILITIES at system level, allowed
//     to assign the student role; user "lafaom_ws" (web-service authentication only) holding it;
//   - external service "lafaom_provisioning" offering exactly LAFAOM_WS_FUNCTIONS to that user;
//   - a permanent token for it, usable only from the stack's subnets, written to --token-out.
//
// Usage: php lafaom_configure.php --token-out=FILE [--rotate-token]

define('CLI_SCRIPT', true);

require('/var/www/html/config.php');
require_once($CFG->libdir . '/clilib.php');
require_once($CFG->libdir . '/accesslib.php');
require_once($CFG->dirroot . '/user/lib.php');
require_once(__DIR__ . '/lib.php');

[$options] = cli_get_params(['token-out' => '', 'rotate-token' => false, 'help' => false], ['h' => 'help']);
if ($options['help'] || $options['token-out'] === '') {
    cli_writeln('Usage: php lafaom_configure.php --token-out=FILE [--rotate-token]');
    exit($options['help'] ? 0 : 2);
}

$env = static function (string $name): string {
    $value = getenv($name);
    if ($value === false || $value === '') {
        cli_error("environment variable $name is not set");
    }
    return $value;
};
$subnets = array_map('trim', explode(',', $env('LAFAOM_STACK_SUBNETS')));

\core\session\manager::set_user(get_admin());
$system = context_system::instance();

// --- Outgoing requests -------------------------------------------------------------------
set_config('curlsecurityblockedhosts', implode("\n", lafaom_blocked_hosts($subnets)));
set_config('curlsecurityallowedport', implode("\n", lafaom_allowed_ports([$env('JWTSSO_JWKS_URL')])));
cli_writeln('outgoing requests: private ranges blocked except ' . implode(', ', $subnets));

// --- Authentication plugins ----------------------------------------------------------------
foreach (['jwtsso', 'webservice'] as $auth) {
    if (!exists_auth_plugin($auth)) {
        cli_error("authentication plugin auth_$auth is missing from the image");
    }
    \core\plugininfo\auth::enable_plugin($auth, 1);
}
cli_writeln('authentication: jwtsso and webservice enabled');

// --- Redis as cache store ------------------------------------------------------------------
$writerclass = class_exists('\core_cache\config_writer') ? '\core_cache\config_writer' : 'cache_config_writer';
$storeclass = class_exists('\core_cache\store') ? '\core_cache\store' : 'cache_store';
$storeconfig = [
    'server' => str_contains($env('MOODLE_REDIS_HOST'), ':') ? $env('MOODLE_REDIS_HOST') : $env('MOODLE_REDIS_HOST') . ':6379',
    'password' => $env('MOODLE_REDIS_PASSWORD'),
    // Keys of Moodle and of the backend share one Redis; the prefix keeps them apart.
    'prefix' => 'mdl_',
    'serializer' => defined('Redis::SERIALIZER_IGBINARY') ? Redis::SERIALIZER_IGBINARY : Redis::SERIALIZER_PHP,
    'compressor' => 0,
];
require_once($CFG->dirroot . '/cache/stores/redis/lib.php');
$probe = new cachestore_redis('lafaom_redis_probe', $storeconfig);
if (!$probe->is_ready()) {
    cli_error('Redis at ' . $storeconfig['server'] . ' does not answer: caches left unchanged');
}
$writer = $writerclass::instance();
if (array_key_exists('lafaom_redis', $writer->get_all_stores())) {
    $writer->edit_store_instance('lafaom_redis', 'redis', $storeconfig);
} else {
    $writer->add_store_instance('lafaom_redis', 'redis', $storeconfig);
}
$writer->set_mode_mappings([
    $storeclass::MODE_APPLICATION => ['lafaom_redis'],
    $storeclass::MODE_SESSION => ['lafaom_redis'],
    $storeclass::MODE_REQUEST => ['default_request'],
]);
cli_writeln('caches: application and session caches in Redis');

// --- Web services ----------------------------------------------------------------------------
set_config('enablewebservices', 1);
\core\plugininfo\webservice::enable_plugin('rest', 1);

$role = $DB->get_record('role', ['shortname' => 'lafaom_provisioning']);
$roleid = $role ? (int)$role->id : create_role('LAFAOM provisioning', 'lafaom_provisioning',
    'Used by the LAFAOM-MAO backend through web services: creates and updates accounts and courses, '
    . 'enrols and unenrols students. Managed by the stack (lafaom_configure.php): changes are undone at restart.');
set_role_contextlevels($roleid, [CONTEXT_SYSTEM]);
foreach (LAFAOM_WS_CAPABILITIES as $capability) {
    if (!get_capability_info($capability)) {
        cli_error("capability $capability does not exist in this Moodle");
    }
    assign_capability($capability, CAP_ALLOW, $roleid, $system->id, true);
}
foreach ($DB->get_records('role_capabilities', ['roleid' => $roleid, 'contextid' => $system->id]) as $held) {
    if (!in_array($held->capability, LAFAOM_WS_CAPABILITIES, true)) {
        unassign_capability($held->capability, $roleid, $system->id);
    }
}
$student = $DB->get_record('role', ['shortname' => 'student'], 'id', MUST_EXIST);
if (!$DB->record_exists('role_allow_assign', ['roleid' => $roleid, 'allowassign' => $student->id])) {
    core_role_set_assign_allowed($roleid, $student->id);
}

$user = $DB->get_record('user', ['username' => 'lafaom_ws', 'mnethostid' => $CFG->mnet_localhost_id, 'deleted' => 0]);
if (!$user) {
    $userid = user_create_user((object)[
        'username' => 'lafaom_ws',
        'auth' => 'webservice',
        // Never used (web-service authentication has no password sign-in), but it must meet the site's policy.
        'password' => generate_password(48),
        'firstname' => 'LAFAOM',
        'lastname' => 'Provisioning',
        // auth_jwtsso signs people in by e-mail: this address is on the reserved .invalid
        // domain, so no platform account can ever carry it (and sign in as this user).
        'email' => 'lafaom-ws@provisioning.invalid',
        'confirmed' => 1,
        'mnethostid' => $CFG->mnet_localhost_id,
    ], true, false);
    $user = $DB->get_record('user', ['id' => $userid], '*', MUST_EXIST);
} else if ($user->auth !== 'webservice' || $user->suspended || $user->email !== 'lafaom-ws@provisioning.invalid') {
    $DB->update_record('user', (object)['id' => $user->id, 'auth' => 'webservice', 'suspended' => 0,
        'email' => 'lafaom-ws@provisioning.invalid']);
}
role_assign($roleid, $user->id, $system->id);

$now = time();
$service = $DB->get_record('external_services', ['shortname' => 'lafaom_provisioning']);
if (!$service) {
    $service = (object)[
        'name' => 'LAFAOM provisioning',
        'shortname' => 'lafaom_provisioning',
        'enabled' => 1,
        'restrictedusers' => 1,
        'requiredcapability' => '',
        'downloadfiles' => 0,
        'uploadfiles' => 0,
        'timecreated' => $now,
        'timemodified' => $now,
    ];
    $service->id = $DB->insert_record('external_services', $service);
} else if (!$service->enabled || !$service->restrictedusers) {
    $DB->update_record('external_services', (object)['id' => $service->id, 'enabled' => 1, 'restrictedusers' => 1, 'timemodified' => $now]);
}
$service = $DB->get_record('external_services', ['id' => $service->id], '*', MUST_EXIST);
foreach (LAFAOM_WS_FUNCTIONS as $function) {
    if (!$DB->record_exists('external_functions', ['name' => $function])) {
        cli_error("web-service function $function does not exist in this Moodle");
    }
    if (!$DB->record_exists('external_services_functions', ['externalserviceid' => $service->id, 'functionname' => $function])) {
        $DB->insert_record('external_services_functions', (object)['externalserviceid' => $service->id, 'functionname' => $function]);
    }
}
foreach ($DB->get_records('external_services_functions', ['externalserviceid' => $service->id]) as $offered) {
    if (!in_array($offered->functionname, LAFAOM_WS_FUNCTIONS, true)) {
        $DB->delete_records('external_services_functions', ['id' => $offered->id]);
    }
}
$iprestriction = implode(',', $subnets);
$authorised = $DB->get_record('external_services_users', ['externalserviceid' => $service->id, 'userid' => $user->id]);
if (!$authorised) {
    $DB->insert_record('external_services_users', (object)[
        'externalserviceid' => $service->id, 'userid' => $user->id, 'iprestriction' => $iprestriction,
        'validuntil' => 0, 'timecreated' => $now,
    ]);
} else if ($authorised->iprestriction !== $iprestriction || $authorised->validuntil) {
    $DB->update_record('external_services_users', (object)['id' => $authorised->id, 'iprestriction' => $iprestriction, 'validuntil' => 0]);
}
cli_writeln('web services: REST on, service lafaom_provisioning with ' . count(LAFAOM_WS_FUNCTIONS) . ' functions for user lafaom_ws');

// --- Token ---------------------------------------------------------------------------------------
$permanent = defined('EXTERNAL_TOKEN_PERMANENT') ? EXTERNAL_TOKEN_PERMANENT : 0;
$conditions = ['userid' => $user->id, 'externalserviceid' => $service->id, 'tokentype' => $permanent];
if ($options['rotate-token']) {
    $DB->delete_records('external_tokens', $conditions);
    cli_writeln('token: previous tokens deleted');
}
$token = null;
foreach ($DB->get_records('external_tokens', $conditions, 'timecreated DESC') as $existing) {
    if (empty($existing->validuntil) && (string)$existing->iprestriction === $iprestriction) {
        $token = $existing->token;
        break;
    }
}
if ($token === null) {
    $DB->delete_records('external_tokens', $conditions);
    // The last argument (token name, Moodle 4.3+) is ignored by older releases.
    $token = \core_external\util::generate_token($permanent, $service, (int)$user->id, $system, 0, $iprestriction,
        'LAFAOM backend provisioning');
    cli_writeln('token: new provisioning token created');
}
if (file_put_contents($options['token-out'], $token) !== strlen($token)) {
    cli_error('cannot write ' . $options['token-out']);
}
exit(0);
