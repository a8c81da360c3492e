#!/usr/bin/env python3
"""Idle SSE readers against coherent serve (issue 15): the server's RSS with a finished 20000-sample run, then with
N subscribers that connect and never read. Usage: bench/idle-readers.py JAR [N] [PORT]."""
import json, os, socket, subprocess, sys, time, urllib.request

jar = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 80
port = int(sys.argv[3]) if len(sys.argv) > 3 else 18080
server = subprocess.Popen(["java", "-Xmx1g", "-jar", jar, "serve", "--port", str(port)],
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
server.stdout.readline()  # "serving on ..."
base = "http://127.0.0.1:%d" % port

def rss_mb():
    with open("/proc/%d/status" % server.pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0

try:
    body = b"preset: two-atoms\nmethod: secular\nuntil: 2000\npoints: 20000\n"
    run = json.load(urllib.request.urlopen(urllib.request.Request(base + "/api/runs", data=body, method="POST")))
    rid = run["id"]
    while json.load(urllib.request.urlopen(base + "/api/runs/" + rid))["status"] == "running":
        time.sleep(0.5)
    history = len(urllib.request.urlopen(base + "/api/runs/%s/trajectory?format=jsonl" % rid).read())
    time.sleep(2)
    before = rss_mb()
    readers = []
    for i in range(n):
        s = socket.socket()
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        s.connect(("127.0.0.1", port))
        s.sendall(("GET /api/runs/%s/stream HTTP/1.1\r\nHost: x\r\n\r\n" % rid).encode())
        readers.append(s)
    time.sleep(15)
    after = rss_mb()
    try:
        alive = urllib.request.urlopen(base + "/api/presets", timeout=10).status
    except OSError as e:
        alive = "no answer within 10 s (%s)" % e
    print(json.dumps({"jar": os.path.basename(jar), "readers": n, "history_mb": round(history / 1e6, 1),
                      "rss_before_mb": round(before), "rss_after_mb": round(after),
                      "per_reader_mb": round((after - before) / n, 2), "presets_status": alive}))
finally:
    server.kill()
