<?php
// Prints "installed" or "empty" for Moodle's database, without loading Moodle (whose setup
// expects an installed site). Exit 1 when the database does not answer. Used by lafaom-init.sh.
$dsn = sprintf("host=%s port=5432 dbname=%s user=%s password=%s connect_timeout=5",
    getenv('MOODLE_DB_HOST'), getenv('MOODLE_DB_NAME'), getenv('MOODLE_DB_USER'), getenv('MOODLE_DB_PASSWORD'));
$db = @pg_connect($dsn);
if ($db === false) {
    exit(1);
}
$result = pg_query($db, "SELECT to_regclass('mdl_config') IS NOT NULL AS installed");
$row = $result ? pg_fetch_assoc($result) : false;
if ($row === false) {
    exit(1);
}
echo $row['installed'] === 't' ? "installed" : "empty";
exit(0);
