"""A ``coherent serve`` process of the client's own: started on a free loopback port, stopped with the client."""

import atexit
import collections
import ctypes
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import weakref

from ._errors import CoherentError

#: The line ``coherent serve`` prints once it listens (``--port 0``: the port the system chose).
_READY = re.compile(r"serving on (http://\S+?)/?(?:\s|$)")
_JAR = os.path.join("app", "target", "coherent.jar")
_BUILD = "mvn -B -q -DskipTests package -pl app -am"


def find_jar(jar=None):
    """The server's jar: ``jar`` if given, else ``$COHERENT_JAR``, else ``app/target/coherent.jar`` of the checkout
    that holds the current directory or this package (an editable install or the source tree)."""
    if jar is not None:
        path = os.fspath(jar)
        if not os.path.isfile(path):
            raise CoherentError("jar = %s: no such file (build it in the checkout with `%s`)" % (path, _BUILD))
        return os.path.abspath(path)
    env = os.environ.get("COHERENT_JAR")
    if env:
        if not os.path.isfile(env):
            raise CoherentError("COHERENT_JAR = %s: no such file" % env)
        return os.path.abspath(env)
    tried = []
    for start in (os.getcwd(), os.path.dirname(os.path.abspath(__file__))):
        d = start
        while True:
            candidate = os.path.join(d, _JAR)
            if os.path.isfile(candidate):
                return candidate
            parent = os.path.dirname(d)
            if parent == d:
                break
            d = parent
        tried.append(start)
    raise CoherentError("no coherent.jar found in app/target/ above %s: build it in the checkout with `%s`, "
                        "or pass Coherent(jar=...) or set COHERENT_JAR" % (" or ".join(tried), _BUILD))


def find_java(java=None):
    """``java`` if given, else ``$JAVA_HOME/bin/java``, else ``java`` on the PATH."""
    if java is not None:
        return os.fspath(java)
    home = os.environ.get("JAVA_HOME")
    if home and os.path.isfile(os.path.join(home, "bin", "java")):
        return os.path.join(home, "bin", "java")
    found = shutil.which("java")
    if found is None:
        raise CoherentError("no java on the PATH (and JAVA_HOME not set): the server needs a JDK 17 or later")
    return found


class LocalServer:
    """``java -jar coherent.jar serve --host 127.0.0.1 --port 0``: ready when it prints the address it listens on
    (read from its output, no fixed wait); stopped by :meth:`stop`, at the latest when Python exits."""

    def __init__(self, jar=None, java=None, args=(), startup_timeout=120.0):
        self.jar = find_jar(jar)
        command = [find_java(java), "-jar", self.jar, "serve", "--host", "127.0.0.1", "--port", "0"] + list(args)
        self._stderr = collections.deque(maxlen=40)
        self._ready = threading.Event()
        self.url = None
        try:
            self.process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                            stderr=subprocess.PIPE, preexec_fn=_end_with_parent())
        except OSError as e:
            raise CoherentError("cannot start %s: %s" % (" ".join(command), e)) from None
        threading.Thread(target=self._read_stdout, name="coherent-serve-stdout", daemon=True).start()
        threading.Thread(target=self._read_stderr, name="coherent-serve-stderr", daemon=True).start()
        # the reader sets the event on the ready line, or at the end of the output if the process exits first
        if not self._ready.wait(startup_timeout) or self.url is None:
            self.stop()
            raise CoherentError("the coherent server did not start (%s): %s" % (
                "no answer within %g s" % startup_timeout if self.process.poll() is None
                else "exit code %s" % self.process.returncode, self.stderr() or "no message"))
        atexit.register(_stop_at_exit, weakref.ref(self))

    def _read_stdout(self):
        with self.process.stdout:
            for raw in self.process.stdout:
                match = _READY.search(raw.decode("utf-8", errors="replace"))
                if match and self.url is None:
                    self.url = match.group(1)
                    self._ready.set()
        self._ready.set()

    def _read_stderr(self):
        with self.process.stderr:
            for raw in self.process.stderr:
                self._stderr.append(raw.decode("utf-8", errors="replace").rstrip())

    def stderr(self):
        """The server's last lines on stderr (for messages)."""
        return " | ".join(line for line in self._stderr if line)

    def running(self):
        return self.process.poll() is None

    def stop(self, timeout=15.0):
        """Stops the server (SIGTERM: the JVM's shutdown hook closes Vert.x), killing it if it does not end in time."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def _end_with_parent():
    """On Linux, from the main thread: a hook that has the kernel send the server SIGTERM when this Python process
    dies, however it dies (a killed kernel leaves no server behind). The signal follows the thread that started the
    server, so only the main thread, which lives as long as the process, asks for it."""
    if not sys.platform.startswith("linux") or threading.current_thread() is not threading.main_thread():
        return None

    def hook():
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG

    return hook


def _stop_at_exit(ref):
    server = ref()
    if server is not None:
        server.stop()
