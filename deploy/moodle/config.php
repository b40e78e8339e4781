<?php
// Moodle configuration of the LAFAOM-MAO stack. Nothing secret is written here: every value
// comes from the container's environment (docker-compose.yml, service "moodle").
// Settings an administrator may tune in Moodle's interface are set by the init step instead
// (lafaom-init.sh), so that this file only holds what must never change at run time.

unset($CFG);
global $CFG;
$CFG = new stdClass();

$lafaomenv = static function (string $name, ?string $default = null): string {
    $value = getenv($name);
    if ($value === false || $value === '') {
        if ($default === null) {
            error_log("Moodle configuration: environment variable $name is not set");
            http_response_code(503);
            exit(1);
        }
        return $default;
    }
    return $value;
};

$CFG->dbtype    = 'pgsql';
$CFG->dblibrary = 'native';
$CFG->dbhost    = $lafaomenv('MOODLE_DB_HOST');
$CFG->dbname    = $lafaomenv('MOODLE_DB_NAME');
$CFG->dbuser    = $lafaomenv('MOODLE_DB_USER');
$CFG->dbpass    = $lafaomenv('MOODLE_DB_PASSWORD');
$CFG->prefix    = 'mdl_';
$CFG->dboptions = ['dbpersist' => 0, 'dbport' => 5432, 'dbsocket' => ''];

// Public address, behind Caddy which terminates TLS.
$CFG->wwwroot  = rtrim($lafaomenv('MOODLE_WWWROOT'), '/');
$CFG->sslproxy = true;

// The backend reaches Moodle directly on the internal network (web services, SSO nonces),
// as http://moodle:8080. Moodle redirects any request whose host differs from wwwroot, so
// requests that name the internal host get an internal wwwroot. Caddy only routes the public
// host names (and passes them on), so this host cannot be named from the Internet.
$lafaominternal = getenv('MOODLE_INTERNAL_HOST');
if (PHP_SAPI !== 'cli' && $lafaominternal && ($_SERVER['HTTP_HOST'] ?? '') === $lafaominternal) {
    $CFG->wwwroot  = 'http://' . $lafaominternal;
    $CFG->sslproxy = false;
}

$CFG->dataroot = '/var/www/moodledata';
$CFG->admin    = 'admin';
$CFG->directorypermissions = 02770;

// Client address: the last X-Forwarded-For entry (written by Caddy), else the peer address.
// 1 = GETREMOTEADDR_SKIP_HTTP_CLIENT_IP. The web-service token's IP restriction relies on it.
$CFG->getremoteaddrconf = 1;

// The code base is the image: no plugin installs or updates from the web interface, and no
// changing the paths of executables from it.
$CFG->disableupdateautodeploy = true;
$CFG->preventexecpath = true;

unset($lafaomenv, $lafaominternal);

require_once(is_dir(__DIR__ . '/public') ? __DIR__ . '/public/lib/setup.php' : __DIR__ . '/lib/setup.php');
// There is no closing PHP tag on purpose.
