<?php
// Container healthcheck: Moodle's login page answers 200 through Apache, PHP and the database.
// It asks for the internal host name so that Moodle does not redirect to the public address.
$host = getenv('MOODLE_INTERNAL_HOST') ?: 'moodle:8080';
$context = stream_context_create(['http' => [
    'method' => 'GET',
    'header' => "Host: $host\r\n",
    'timeout' => 8,
    'ignore_errors' => true,
    'follow_location' => 0,
]]);
$url = getenv('LAFAOM_HEALTHCHECK_URL') ?: 'http://127.0.0.1:8080/login/index.php';
$body = @file_get_contents($url, false, $context);
$status = isset($http_response_header[0]) ? $http_response_header[0] : 'no answer';
if ($body === false || !preg_match('#^HTTP/\S+ 200 #', $status)) {
    fwrite(STDERR, "moodle unhealthy: $status\n");
    exit(1);
}
exit(0);
