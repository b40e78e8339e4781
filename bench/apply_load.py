#!/usr/bin/env python3
"""Drives "apply to a session, then upload a 1 MB PDF" in a loop from several threads.

    apply_load.py BASE_URL SECONDS TOKENS_FILE EMAILS_FILE

Each thread uses one signed-in student (a token and its e-mail) and applies to a different seeded
session each time (bench-session-N), so no application is refused as a duplicate. Prints
"operations/s p50_ms p99_ms errors".
"""
import json
import sys
import threading
import time
import http.client
import urllib.parse

base, seconds = sys.argv[1], float(sys.argv[2])
tokens = open(sys.argv[3]).read().split()
emails = open(sys.argv[4]).read().split()
url = urllib.parse.urlparse(base)
pdf = b"%PDF-1.4\n" + b"0" * (1024 * 1024 - 20) + b"\n%%EOF\n"
latencies, errors, lock = [], [0], threading.Lock()
next_session = [1]


def session_number():
    with lock:
        n = next_session[0]
        next_session[0] += 1
        return n


def worker(index):
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
    token, email = tokens[index], emails[index]
    deadline = time.time() + seconds
    while time.time() < deadline:
        start = time.perf_counter()
        try:
            body = json.dumps({"email": email, "target_session_id": "bench-session-%d" % session_number()})
            conn.request("POST", "/api/v1/student-applications", body,
                         {"Content-Type": "application/json", "X-Forwarded-For": "10.99.%d.1" % index})
            r = conn.getresponse()
            answer = json.loads(r.read())
            if r.status != 200:
                raise RuntimeError(answer)
            app_id = answer["data"]["id"]
            boundary = "----bench%d" % index
            form = (("--%s\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nCV\r\n"
                     "--%s\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cv.pdf\"\r\n"
                     "Content-Type: application/pdf\r\n\r\n") % (boundary, boundary)).encode() + pdf + \
                ("\r\n--%s--\r\n" % boundary).encode()
            conn.request("POST", "/api/v1/my-student-applications/%d/attachments" % app_id, form,
                         {"Content-Type": "multipart/form-data; boundary=" + boundary, "Authorization": "Bearer " + token})
            r = conn.getresponse()
            r.read()
            if r.status != 200:
                raise RuntimeError(r.status)
            with lock:
                latencies.append(time.perf_counter() - start)
        except Exception as e:
            with lock:
                errors[0] += 1
                if errors[0] == 1:
                    print("first error: %r" % (e,), file=sys.stderr)
            conn.close()
            conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)


threads = [threading.Thread(target=worker, args=(i,)) for i in range(len(tokens))]
began = time.time()
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.time() - began
latencies.sort()
def pct(p):
    return latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000 if latencies else 0
print("%.1f %.0f %.0f %d" % (len(latencies) / elapsed, pct(0.50), pct(0.99), errors[0]))
