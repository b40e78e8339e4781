-- A database shaped like Moodle's (mdl_ prefix, bigserial ids, unix-time integers, text blobs),
-- with enough rows to prove a round trip. psql variable :rows scales the log table (bench).
CREATE TABLE mdl_config (
    id    bigserial PRIMARY KEY,
    name  varchar(255) NOT NULL UNIQUE,
    value text NOT NULL
);
CREATE TABLE mdl_user (
    id          bigserial PRIMARY KEY,
    auth        varchar(20)  NOT NULL DEFAULT 'manual',
    username    varchar(100) NOT NULL UNIQUE,
    firstname   varchar(100) NOT NULL,
    lastname    varchar(100) NOT NULL,
    email       varchar(100) NOT NULL,
    picture     bigint,
    timecreated bigint       NOT NULL DEFAULT 0
);
CREATE TABLE mdl_course (
    id        bigserial PRIMARY KEY,
    fullname  varchar(254) NOT NULL,
    shortname varchar(255) NOT NULL,
    summary   text,
    startdate bigint NOT NULL DEFAULT 0
);
CREATE TABLE mdl_user_enrolments (
    id        bigserial PRIMARY KEY,
    userid    bigint NOT NULL REFERENCES mdl_user (id),
    courseid  bigint NOT NULL REFERENCES mdl_course (id),
    timestart bigint NOT NULL DEFAULT 0,
    UNIQUE (userid, courseid)
);
CREATE TABLE mdl_files (
    id           bigserial PRIMARY KEY,
    contenthash  varchar(40)  NOT NULL,
    pathnamehash varchar(40)  NOT NULL UNIQUE,
    filename     varchar(255) NOT NULL,
    filesize     bigint       NOT NULL,
    userid       bigint REFERENCES mdl_user (id),
    source       text
);
CREATE TABLE mdl_logstore_standard_log (
    id          bigserial PRIMARY KEY,
    eventname   varchar(255) NOT NULL,
    userid      bigint       NOT NULL,
    other       text,
    timecreated bigint       NOT NULL
);
CREATE INDEX mdl_logsstanlog_use_ix ON mdl_logstore_standard_log (userid);

INSERT INTO mdl_config (name, value) VALUES
    ('version', '2025041400'), ('wwwroot', 'https://moodle.lafaom-mao.org'),
    ('auth', 'jwtsso'), ('lang', 'fr'), ('motd', E'Bienvenue à l''école\nligne 2\ttab');
INSERT INTO mdl_user (username, firstname, lastname, email, picture, timecreated)
SELECT 'user' || i, 'Prénom ' || i, 'Nom ' || i, 'user' || i || '@example.org',
       CASE WHEN i % 3 = 0 THEN NULL ELSE i END, 1700000000 + i
FROM generate_series(1, 500) AS i;
INSERT INTO mdl_course (fullname, shortname, summary, startdate)
SELECT 'Formation ' || i, 'F' || i, CASE WHEN i % 2 = 0 THEN NULL ELSE repeat('résumé ', i) END, 1700000000
FROM generate_series(1, 20) AS i;
INSERT INTO mdl_user_enrolments (userid, courseid, timestart)
SELECT u, c, 1700000000 FROM generate_series(1, 500) AS u, generate_series(1, 4) AS c;
INSERT INTO mdl_files (contenthash, pathnamehash, filename, filesize, userid, source)
SELECT md5(i::text)::varchar(40), md5('path' || i), 'document ' || i || '.pdf', i * 1024,
       1 + i % 500, CASE WHEN i % 5 = 0 THEN NULL ELSE 'O:8:"stdClass":1:{s:6:"source";s:3:"' || i || '";}' END
FROM generate_series(1, 300) AS i;
INSERT INTO mdl_logstore_standard_log (eventname, userid, other, timecreated)
SELECT '\core\event\user_loggedin', 1 + i % 500, '{"username":"user' || (1 + i % 500) || '"}', 1700000000 + i
FROM generate_series(1, :rows) AS i;
-- A deleted row, so a sequence is ahead of max(id) and its exact value must survive.
DELETE FROM mdl_config WHERE name = 'motd';
