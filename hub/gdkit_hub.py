"""ClassSpawner: JupyterHub's LocalProcessSpawner for a class on one server.

On top of LocalProcessSpawner (one system account per student, the server
started as that account) it

- picks the server's port from a fixed range (`port_range`) on 127.0.0.1;
- copies the student edition of the notebooks into the student's home on
  first spawn, as the student, and never overwrites a file on later spawns
  (`notebooks_source`, `notebooks_dir`);
- gives the server, its kernels and every `go build` they start the
  environment of hub/setup.sh's student.env and the chosen Go build cache
  (`gocache`);
- enforces `mem_limit`, `cpu_limit` and `pids_limit` with a cgroup per
  student, entered by the server process before it drops root, so every
  process the student starts is inside; on stop, what is left in the cgroup
  (kernels orphaned by a killed server, runaway cells) is killed.

The cgroup version follows the host (cgroup_mode: v2 when /sys/fs/cgroup is a
cgroup2 mount). v1 (StudentCgroup): memory.limit_in_bytes (and memsw when the
kernel accounts swap), cpu.cfs_quota_us,
pids.max and the class's cpu.shares in each hierarchy, under the hub's cgroup.
v2 (StudentCgroupV2): memory.max with memory.swap.max 0, cpu.max, pids.max and
the class's cpu.weight; the hub moves itself into the leaf "hub" of its own
cgroup first, because a v2 cgroup with processes cannot pass controllers to
children (under systemd: a unit with Delegate=yes, docs/hub.md). When the limits
cannot be enforced the spawner says what is missing and refuses to start a
student, unless `require_limits` is False.
"""

import asyncio
import errno
import os
import pwd
import shlex
import signal
import socket
import subprocess
import time

from jupyterhub.spawner import LocalProcessSpawner, set_user_setuid
from traitlets import Bool, Integer, Tuple, Unicode, default

CGROUP_ROOT = "/sys/fs/cgroup"
CONTROLLERS = ("memory", "cpu", "cpuacct", "pids")


def own_cgroup(controller, proc="self"):
    """The cgroup (v1) path of a process in one controller's hierarchy, or None."""
    try:
        with open(f"/proc/{proc}/cgroup") as f:
            for line in f:
                _, ctrls, path = line.rstrip("\n").split(":", 2)
                if controller in ctrls.split(","):
                    return path
    except OSError:
        pass
    return None


def sigkill(pids):
    """SIGKILL to each of pids; one already gone is no error."""
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def read_env_file(path):
    """KEY=VALUE lines (no quoting) as a dict; missing file = {}."""
    env = {}
    try:
        with open(path) as f:
            for line in f:
                line = line.strip()
                if line and not line.startswith("#") and "=" in line:
                    k, v = line.split("=", 1)
                    env[k] = v
    except FileNotFoundError:
        pass
    return env


async def empty_cgroup(cg, kill_round, timeout, current):
    """Runs kill_round(pids) on the processes of cg (a StudentCgroup or
    StudentCgroupV2) every 0.2 s until none is left or timeout seconds pass.
    Returns False, having stopped at once, when current (if not None) answers
    False before a round: a new server of the student is starting in cg, and the
    caller must leave cg alone; True otherwise (cg may be removed)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if current is not None and not current():
            cg.log.info("clean-up of %s's cgroup left to the server starting now", cg.name)
            return False
        pids = cg.procs()
        if not pids:
            return True
        kill_round(pids)
        await asyncio.sleep(0.2)
    cg.log.warning("cgroup of %s still has processes %s", cg.name, sorted(cg.procs()))
    return True


class StudentCgroup:
    """One student's cgroup (v1) in each of CONTROLLERS, under `parent`."""

    def __init__(self, parent, name, log):
        self.name = name
        self.log = log
        # parent is relative to each controller's root; by default the hub's
        # own cgroup + /gdkit-hub, so the students' memory also counts within
        # whatever limits the hub itself runs under.
        self.paths = {}
        for c in CONTROLLERS:
            base = os.path.join(CGROUP_ROOT, c)
            if not os.access(base, os.W_OK):
                continue
            p = parent if parent.startswith("/") else os.path.join(own_cgroup(c) or "/", parent)
            self.paths[c] = os.path.join(base, p.lstrip("/"), name)

    @property
    def usable(self):
        return "memory" in self.paths and "cpu" in self.paths

    def _write(self, controller, key, value):
        with open(os.path.join(self.paths[controller], key), "w") as f:
            f.write(str(value))

    def read(self, controller, key):
        try:
            with open(os.path.join(self.paths[controller], key)) as f:
                return f.read().strip()
        except (KeyError, OSError):
            return None

    def create(self, mem_limit, cpu_limit, pids_limit):
        for c, p in self.paths.items():
            os.makedirs(p, exist_ok=True)
        if mem_limit:
            # RAM and swap together (memory.memsw.*, present when the kernel accounts
            # swap): mem_limit is the whole budget, as in v2 with memory.swap.max = 0.
            # memsw may never be below the RAM limit, so it is opened first.
            memsw = os.path.join(self.paths["memory"], "memory.memsw.limit_in_bytes")
            if os.path.exists(memsw):
                self._write("memory", "memory.memsw.limit_in_bytes", -1)
            self._write("memory", "memory.limit_in_bytes", int(mem_limit))
            if os.path.exists(memsw):
                self._write("memory", "memory.memsw.limit_in_bytes", int(mem_limit))
            # Peak usage since this spawn (read by the load test).
            self._write("memory", "memory.max_usage_in_bytes", 0)
        if cpu_limit:
            period = 100_000
            self._write("cpu", "cpu.cfs_period_us", period)
            self._write("cpu", "cpu.cfs_quota_us", max(1000, int(cpu_limit * period)))
        if pids_limit and "pids" in self.paths:
            self._write("pids", "pids.max", int(pids_limit))
        self.rebalance()

    def rebalance(self):
        """Gives the students' parent cgroup the CPU weight of as many processes as
        it has students. Without this, CFS weighs the whole class like one process
        against every other process of the machine: with 20 runnable processes
        elsewhere, 20 students together would get a 21st of the CPU."""
        cpu = self.paths.get("cpu")
        if not cpu:
            return
        parent = os.path.dirname(cpu)
        try:
            students = sum(1 for e in os.scandir(parent) if e.is_dir())
            with open(os.path.join(parent, "cpu.shares"), "w") as f:
                f.write(str(min(262144, max(2, 1024 * students))))
        except OSError as e:
            self.log.warning("could not set the class's CPU weight: %s", e)

    def procs(self):
        pids = set()
        for c, p in self.paths.items():
            try:
                with open(os.path.join(p, "cgroup.procs")) as f:
                    pids.update(int(x) for x in f.read().split())
            except OSError:
                pass
        return pids

    def join_fn(self):
        """A preexec function: moves the calling (child) process into every cgroup."""
        files = [os.path.join(p, "cgroup.procs") for p in self.paths.values()]

        def join():
            pid = str(os.getpid())
            for path in files:
                with open(path, "w") as f:
                    f.write(pid)

        return join

    async def kill_all(self, timeout=10, current=None):
        """SIGKILL every process left in the cgroups, then remove them. current, when
        given, is asked before each round: once it answers False (a new server of the
        student is starting, and will join these cgroups) kill_all stops at once."""
        if not await empty_cgroup(self, sigkill, timeout, current):
            return
        for p in self.paths.values():
            try:
                os.rmdir(p)
            except FileNotFoundError:
                pass
            except OSError as e:
                self.log.warning("could not remove %s: %s", p, e)
        self.rebalance()


# --- cgroup v2 ----------------------------------------------------------------

# Where the mount detection looks (tests point it at a simulated table).
MOUNTS = "/proc/self/mounts"
# Where own_cgroup_v2 reads /proc/<pid>/cgroup (tests point it at a simulated /proc).
PROC = "/proc"
# v2 has no cpuacct: CPU time is cpu.stat's usage_usec, always there.
CONTROLLERS_V2 = ("memory", "cpu", "pids")
# Without these two there are no limits to enforce; pids is enabled where the host has it.
REQUIRED_V2 = ("memory", "cpu")
# The leaf the hub's own processes live in under cgroup v2 (DelegateSubgroup=hub in
# the systemd unit of docs/hub.md, or moved there by the hub itself).
HUB_LEAF = "hub"


def cgroup_mode():
    """'v2' when CGROUP_ROOT is a cgroup2 mount (the unified hierarchy alone, as on
    Debian 11+ and Ubuntu 22.04+), 'v1' otherwise (v1 or hybrid)."""
    fstype = None
    try:
        with open(MOUNTS) as f:
            for line in f:
                fields = line.split()
                if len(fields) >= 3 and fields[1] == CGROUP_ROOT:
                    fstype = fields[2]  # the last mount on a path is the one seen
    except OSError:
        pass
    return "v2" if fstype == "cgroup2" else "v1"


def own_cgroup_v2(proc="self"):
    """The cgroup v2 path of a process (its "0::" line), or None."""
    try:
        with open(os.path.join(PROC, str(proc), "cgroup")) as f:
            for line in f:
                if line.startswith("0::"):
                    return line.rstrip("\n")[3:] or "/"
    except OSError:
        pass
    return None


def delegated_cgroup():
    """The cgroup (v2) the hub may manage: its own, or the parent of its own when the
    hub already sits in the leaf HUB_LEAF (after moving itself, or placed there by
    systemd's DelegateSubgroup=hub)."""
    own = own_cgroup_v2() or "/"
    if own != "/" and os.path.basename(own) == HUB_LEAF:
        return os.path.dirname(own)
    return own


class CgroupFS:
    """The operations on the cgroup2 file system that StudentCgroupV2 uses. The
    kernel's side effects (moving a pid out of its old cgroup, the interface files
    of a new cgroup, EBUSY for the "no internal processes" rule) live behind these
    calls, so the unit tests can put a simulated kernel here."""

    def read(self, path):
        with open(path) as f:
            return f.read()

    def write(self, path, value):
        with open(path, "w") as f:
            f.write(str(value))

    def exists(self, path):
        return os.path.exists(path)

    def writable(self, path):
        return os.access(path, os.W_OK)

    def mkdir(self, path):
        os.mkdir(path)

    def rmdir(self, path):
        os.rmdir(path)

    def delegated(self, path):
        """Whether systemd delegated the cgroup (it marks it with trusted.delegate)."""
        try:
            return os.getxattr(path, "trusted.delegate") == b"1"
        except OSError:
            return False


cgroupfs = CgroupFS()


def cpu_weight(students):
    """The v2 cpu.weight (1..10000, default 100) of the class's parent cgroup: 100 per
    student, the same ratio as v1's 1024 cpu.shares per student (systemd maps
    CPUShares to CPUWeight as shares × 100 / 1024). Capped at 100 students, where v1's
    cap (262144) is at 256."""
    return min(10000, max(1, 100 * students))


class StudentCgroupV2:
    """One student's cgroup on a cgroup v2 host (one unified hierarchy).

    Layout, for cgroup_parent "gdkit-hub" and a hub in cgroup D:

        D/                 the hub's cgroup (systemd: the unit, with Delegate=yes)
        D/hub/             the hub and its proxy (HUB_LEAF)
        D/gdkit-hub/       the class: cpu.weight = 100 × students
        D/gdkit-hub/ana/   a student: memory.max, memory.swap.max, cpu.max, pids.max

    A v2 cgroup that has processes cannot pass controllers to its children (the
    "no internal processes" rule, root excepted), and under systemd a delegated unit
    owns only what is below its cgroup, never its siblings; so the hub moves its own
    processes into the leaf D/hub before it enables controllers in D, as systemd's
    delegation rules ask (DelegateSubgroup=hub makes systemd start it there). An
    absolute cgroup_parent is taken from the root of the hierarchy instead; every
    cgroup on the way must then be free of processes.
    """

    version = 2

    def __init__(self, parent, name, log, fs=None):
        self.name = name
        self.log = log
        self.fs = fs or cgroupfs
        if parent.startswith("/"):
            self.base = "/"
            rel = parent
        else:
            self.base = delegated_cgroup()
            rel = os.path.join(self.base, parent)
        self.parent = os.path.normpath(os.path.join(CGROUP_ROOT, rel.lstrip("/")))
        self.path = os.path.join(self.parent, name)
        self.paths = {"unified": self.path}
        self._problem = False  # not checked yet

    def _dir(self, cgroup):
        return os.path.normpath(os.path.join(CGROUP_ROOT, cgroup.lstrip("/")))

    def _controllers(self, d):
        try:
            return self.fs.read(os.path.join(d, "cgroup.controllers")).split()
        except OSError:
            return []

    def _pids(self, d):
        try:
            return [int(x) for x in self.fs.read(os.path.join(d, "cgroup.procs")).split()]
        except OSError:
            return []

    @property
    def problem(self):
        """Why the limits cannot be enforced here, or None."""
        if self._problem is False:
            self._problem = self._check()
        return self._problem

    @property
    def usable(self):
        return self.problem is None

    def _check(self):
        base = self._dir(self.base)
        if not self.fs.writable(base):
            return (
                f"cgroup v2: the hub (uid {os.geteuid()}) cannot write its cgroup {base}; run "
                "the hub as root, or under a systemd unit with Delegate=yes (docs/hub.md), or "
                "set ClassSpawner.require_limits = False to run without limits"
            )
        have = self._controllers(base)
        missing = [c for c in REQUIRED_V2 if c not in have]
        if missing:
            return (
                f"cgroup v2: controller(s) {' '.join(missing)} not available in {base} "
                f"(its cgroup.controllers: {' '.join(have) or 'empty'}); the cgroup above it "
                f"must enable them in cgroup.subtree_control (echo '+{' +'.join(missing)}' > "
                f"{os.path.dirname(base)}/cgroup.subtree_control), which systemd does for a unit "
                "with Delegate=yes (docs/hub.md)"
            )
        return None

    def _enable(self, d):
        """Gives d's children the controllers d has (cgroup.subtree_control)."""
        have = self._controllers(d)
        missing = [c for c in REQUIRED_V2 if c not in have]
        if missing:
            raise RuntimeError(
                f"cgroup v2: controller(s) {' '.join(missing)} not available in {d} (its "
                f"cgroup.controllers: {' '.join(have) or 'empty'}); enable them in "
                f"{os.path.dirname(d)}/cgroup.subtree_control"
            )
        want = [c for c in CONTROLLERS_V2 if c in have]
        try:
            on = self.fs.read(os.path.join(d, "cgroup.subtree_control")).split()
        except OSError as e:
            raise RuntimeError(f"cgroup v2: cannot read {d}/cgroup.subtree_control: {e}") from e
        todo = [c for c in want if c not in on]
        if not todo:
            return
        try:
            self.fs.write(os.path.join(d, "cgroup.subtree_control"), " ".join("+" + c for c in todo))
        except OSError as e:
            if e.errno == errno.EBUSY:
                raise RuntimeError(
                    f"cgroup v2: cannot enable {' '.join(todo)} for the children of {d}: it has "
                    f"processes {self._pids(d)}, and a cgroup with processes cannot give "
                    "controllers to children (the 'no internal processes' rule); use a "
                    "cgroup_parent relative to the hub's cgroup, or one whose ancestors have "
                    "no processes"
                ) from e
            raise RuntimeError(f"cgroup v2: enabling {' '.join(todo)} in {d}: {e}") from e

    def _move_hub(self, base):
        """Moves every process of base (the hub, its proxy) into base/HUB_LEAF."""
        leaf = os.path.join(base, HUB_LEAF)
        if not self.fs.exists(leaf):
            self.fs.mkdir(leaf)
        for _ in range(10):  # a process may fork while we move
            pids = self._pids(base)
            if not pids:
                return
            for pid in pids:
                try:
                    self.fs.write(os.path.join(leaf, "cgroup.procs"), pid)
                except ProcessLookupError:
                    pass
                except OSError as e:
                    raise RuntimeError(f"cgroup v2: moving process {pid} from {base} to {leaf}: {e}") from e
        raise RuntimeError(f"cgroup v2: processes {self._pids(base)} keep appearing in {base}")

    def prepare(self):
        """Enables memory, cpu and pids on the way from the hub's cgroup (or the root) to
        the class's parent cgroup, creating what is missing."""
        problem = self.problem
        if problem:
            raise RuntimeError(problem)
        base = self._dir(self.base)
        # The root is exempt from the rule and has no cgroup.type; a cgroup-namespace
        # root (a container) is not exempt and has one.
        if self.fs.exists(os.path.join(base, "cgroup.type")):
            if ".service" in base or ".scope" in base:
                if not self.fs.delegated(base):
                    self.log.warning(
                        "cgroup v2: %s is not delegated to the hub (no trusted.delegate); systemd "
                        "may undo the students' cgroups: run the hub under a unit with "
                        "Delegate=yes (docs/hub.md)", base)
            # Only the hub's own cgroup is the hub's to rearrange.
            if self.parent.startswith(base + "/") and base == self._dir(delegated_cgroup()) and self._pids(base):
                self._move_hub(base)
        chain = [base]
        for part in os.path.relpath(self.parent, base).split(os.sep):
            if part != ".":
                chain.append(os.path.join(chain[-1], part))
        for i, d in enumerate(chain):
            if i > 0 and not self.fs.exists(d):
                self.fs.mkdir(d)
            self._enable(d)

    def _write(self, key, value):
        self.fs.write(os.path.join(self.path, key), value)

    def read(self, controller, key):
        try:
            return self.fs.read(os.path.join(self.path, key)).strip()
        except OSError:
            return None

    def create(self, mem_limit, cpu_limit, pids_limit):
        self.prepare()
        if not self.fs.exists(self.path):
            self.fs.mkdir(self.path)
        files = {"memory": "memory.max", "cpu": "cpu.max"}
        missing = [files[c] for c in REQUIRED_V2 if c in files and not self.fs.exists(os.path.join(self.path, files[c]))]
        if missing:
            raise RuntimeError(
                f"cgroup v2: {self.path} has no {' '.join(missing)}: the memory/cpu controllers "
                f"are not enabled in {self.parent}/cgroup.subtree_control"
            )
        if mem_limit:
            self._write("memory.max", int(mem_limit))
            # mem_limit is the whole budget, RAM and swap, as v1's memory.memsw
            # (the hub test measured it on a host without swap: killed at the limit).
            if self.fs.exists(os.path.join(self.path, "memory.swap.max")):
                self._write("memory.swap.max", 0)
            # Peak usage (memory.peak, kernel >= 5.19) starts at 0 in a new cgroup;
            # kill_all removed the last spawn's. Older kernels have no peak at all.
        if cpu_limit:
            period = 100_000
            self._write("cpu.max", f"{max(1000, int(cpu_limit * period))} {period}")
        if pids_limit:
            if self.fs.exists(os.path.join(self.path, "pids.max")):
                self._write("pids.max", int(pids_limit))
            else:
                self.log.warning("cgroup v2: no pids controller in %s: pids_limit not enforced", self.parent)
        self.rebalance()

    def rebalance(self):
        """The class's parent cgroup weighs as much as its students (see
        StudentCgroup.rebalance and cpu_weight)."""
        try:
            students = sum(1 for e in os.scandir(self.parent) if e.is_dir())
            if self.fs.exists(os.path.join(self.parent, "cpu.weight")):
                self.fs.write(os.path.join(self.parent, "cpu.weight"), cpu_weight(students))
        except OSError as e:
            self.log.warning("could not set the class's CPU weight: %s", e)

    def procs(self):
        return set(self._pids(self.path))

    def join_fn(self):
        """A preexec function: moves the calling (child) process into the cgroup."""
        path = os.path.join(self.path, "cgroup.procs")
        write = self.fs.write

        def join():
            write(path, os.getpid())

        return join

    async def kill_all(self, timeout=10, current=None):
        """Kills every process left in the cgroup (cgroup.kill, kernel >= 5.14; else
        SIGKILL to each), then removes it; current as in StudentCgroup.kill_all."""
        kill = os.path.join(self.path, "cgroup.kill")

        def kill_round(pids):
            if not self.fs.exists(kill):
                sigkill(pids)
                return
            try:
                self.fs.write(kill, 1)
            except OSError as e:
                self.log.warning("cgroup.kill of %s: %s", self.name, e)

        if not await empty_cgroup(self, kill_round, timeout, current):
            return
        try:
            if self.fs.exists(self.path):
                self.fs.rmdir(self.path)
        except OSError as e:
            self.log.warning("could not remove %s: %s", self.path, e)
        self.rebalance()


def student_cgroup(parent, name, log):
    """The student's cgroup for this host's cgroup mode."""
    if cgroup_mode() == "v2":
        return StudentCgroupV2(parent, name, log)
    return StudentCgroup(parent, name, log)


class ClassSpawner(LocalProcessSpawner):
    port_range = Tuple(
        Integer(), Integer(), default_value=(19100, 19499),
        help="Inclusive range of 127.0.0.1 ports for the single-user servers.",
    ).tag(config=True)

    repo = Unicode(help="The gdkit checkout (GDKIT_ROOT).").tag(config=True)

    @default("repo")
    def _repo_default(self):
        return os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

    shared = Unicode(help="hub/setup.sh's shared toolchain directory (HUB_SHARED).").tag(config=True)

    @default("shared")
    def _shared_default(self):
        return os.path.join(os.environ.get("HUB_VAR", "/var/lib/gdkit-hub"), "shared")

    notebooks_source = Unicode(
        "",
        help="""Folder copied into each student's home on first spawn. Empty: the
        student edition (student/ of the checkout, made by hub/setup.sh or `make
        student`) when it exists, otherwise notebooks/ (the teacher edition, with
        solutions).""",
    ).tag(config=True)

    notebooks_dir = Unicode("gdkit", help="Name of the copy in the student's home.").tag(config=True)

    gocache = Unicode(
        "prog",
        help="""Go build cache of a student: 'prog' (hubcache as GOCACHEPROG: a private
        layer over the read-only warm seed), 'copy' (a private copy of the seed made on
        first spawn) or 'shared' (one group-writable cache; unsafe between accounts).""",
    ).tag(config=True)

    shared_gocache = Unicode(
        "/var/cache/gdkit-hub/go-build", help="The group-writable cache for gocache='shared'."
    ).tag(config=True)

    pids_limit = Integer(1024, help="Most tasks (threads) a student may run at once.").tag(config=True)

    cgroup_parent = Unicode(
        "gdkit-hub",
        help="""Parent of the students' cgroups: relative to the hub's own cgroup in each
        controller (v2: in the unified hierarchy, beside the leaf the hub moves into),
        or absolute (from each controller's root, or the v2 root).""",
    ).tag(config=True)

    require_limits = Bool(
        True, help="Refuse to start a server whose mem_limit/cpu_limit cannot be enforced."
    ).tag(config=True)

    @default("mem_limit")
    def _mem_limit_default(self):
        return 2 * 1024**3

    @default("cpu_limit")
    def _cpu_limit_default(self):
        return 1.0

    # --- ports -------------------------------------------------------------

    # Ports handed to servers of this hub, port -> user name. A bind test alone
    # is not enough: two spawns at the same moment can both find a port free
    # before either server binds it; the loser's server then fails to start
    # while the hub, polling that port, finds the winner's server there.
    _ports_in_use = {}

    def _free_port(self):
        lo, hi = self.port_range
        span = hi - lo + 1
        start = hash(self.user.name) % span  # spread users over the range
        for i in range(span):
            port = lo + (start + i) % span
            owner = self._ports_in_use.get(port)
            if owner is not None and owner != self.user.name:
                continue
            with socket.socket() as s:
                try:
                    s.bind(("127.0.0.1", port))
                except OSError:
                    continue
            # Reserved before any await, so no other spawn can take it.
            self._release_port()
            self._ports_in_use[port] = self.user.name
            return port
        raise RuntimeError(f"no free port in {lo}-{hi}")

    def _release_port(self):
        for port, owner in list(self._ports_in_use.items()):
            if owner == self.user.name:
                del self._ports_in_use[port]

    # --- notebooks -------------------------------------------------------

    def source_dir(self):
        if self.notebooks_source:
            return self.notebooks_source
        student = os.path.join(self.repo, "student")
        if os.path.isdir(student):
            return student
        self.log.info("no student edition (%s; `make student` makes it): copying notebooks/", student)
        return os.path.join(self.repo, "notebooks")

    def as_student(self, argv, **kw):
        """Runs argv as the student (never as root inside the student's home)."""
        return subprocess.run(
            argv, preexec_fn=set_user_setuid(self.user.name, chdir=True),
            env={"PATH": "/usr/bin:/bin", "HOME": self.home}, capture_output=True, text=True, **kw,
        )

    def copy_notebooks(self):
        src = self.source_dir()
        dest = os.path.join(self.home, self.notebooks_dir)
        # -n: a file the student already has is never overwritten; new files are added.
        r = self.as_student(["cp", "-rn", "--", src + "/.", dest], timeout=120)
        if r.returncode != 0:
            raise RuntimeError(f"copying {src} to {dest} as {self.user.name}: {r.stderr.strip()}")
        setup = os.path.join(dest, "setup.sh")
        if not os.path.exists(setup):
            self.as_student(["cp", "-n", os.path.join(self.repo, "notebooks", "setup.sh"), setup], timeout=30)

    # --- environment -----------------------------------------------------

    @property
    def home(self):
        return pwd.getpwnam(self.user.name).pw_dir

    def get_env(self):
        env = super().get_env()
        env.update(read_env_file(os.path.join(self.shared, "student.env")))
        env.setdefault("GDKIT_ROOT", self.repo)
        if self.gocache == "prog":
            env["GOCACHEPROG"] = " ".join(
                [os.path.join(self.shared, "bin", "hubcache"), "-seed", os.path.join(self.shared, "gocache-seed")]
                + shlex.split(os.environ.get("HUBCACHE_FLAGS", ""))
            )
        elif self.gocache == "shared":
            env["GOCACHE"] = self.shared_gocache
            if not os.path.isdir(self.shared_gocache):
                # Group-writable and setgid, so that entries stay in the students' group.
                os.makedirs(self.shared_gocache, exist_ok=True)
                gid = pwd.getpwnam(self.user.name).pw_gid
                os.chown(self.shared_gocache, 0, gid)
                os.chmod(self.shared_gocache, 0o2770)
        return env

    def seed_private_cache(self):
        if self.gocache != "copy":
            return
        dest = os.path.join(self.home, ".cache", "go-build")
        if os.path.exists(dest):
            return
        seed = os.path.join(self.shared, "gocache-seed")
        self.as_student(["mkdir", "-p", os.path.dirname(dest)], timeout=30)
        r = self.as_student(["cp", "-r", "--no-preserve=mode,ownership", seed, dest], timeout=600)
        if r.returncode != 0:
            self.log.warning("seeding %s: %s", dest, r.stderr.strip())

    # --- limits ------------------------------------------------------------

    def cgroup(self):
        return student_cgroup(self.cgroup_parent, self.user.name, self.log)

    def make_preexec_fn(self, name):
        drop = super().make_preexec_fn(name)
        join = self._join

        # Files a student creates are the student's alone; with the shared cache
        # the class group must be able to use each other's cache entries.
        mask = 0o007 if self.gocache == "shared" else 0o077

        def preexec():
            if join:
                join()
            os.umask(mask)
            drop()

        return preexec

    # Spawns of this spawner so far. A kill_all started by stop() or poll() for a
    # server that died asks it before each round and gives up once a new start()
    # has begun: the new server joins the same cgroups, and a clean-up still
    # looping over a slow-dying kernel would otherwise kill it too (seen in
    # hub-test: a server restarted right after a SIGKILL died at once).
    _generation = 0

    def _still(self):
        gen = self._generation
        return lambda: self._generation == gen

    async def start(self):
        self._generation += 1
        self.port = self._free_port()
        cg = self.cgroup()
        self._join = None
        if cg.usable:
            await cg.kill_all()  # leftovers of a previous server (e.g. one that was killed)
            try:
                cg.create(self.mem_limit, self.cpu_limit, self.pids_limit)
                self._join = cg.join_fn()
            except RuntimeError as e:  # v2: delegation failed (v1 raises OSError, as before)
                if self.require_limits and (self.mem_limit or self.cpu_limit):
                    raise
                self.log.warning("starting %s without memory/CPU limits: %s", self.user.name, e)
        elif self.require_limits and (self.mem_limit or self.cpu_limit):
            raise RuntimeError(
                getattr(cg, "problem", None)
                or "cannot enforce mem_limit/cpu_limit: no writable cgroup v1 memory and cpu "
                "hierarchies (use jupyterhub-systemdspawner on systemd hosts, or set "
                "ClassSpawner.require_limits = False)"
            )
        else:
            self.log.warning("starting %s without memory/CPU limits", self.user.name)
            if getattr(cg, "problem", None):
                self.log.warning("%s", cg.problem)
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(None, self.copy_notebooks)
        await loop.run_in_executor(None, self.seed_private_cache)
        return await super().start()

    async def stop(self, now=False):
        still = self._still()
        await super().stop(now=now)
        cg = self.cgroup()
        if cg.usable and still():
            await cg.kill_all(current=still)
        if still():  # else the port is the new server's
            self._release_port()

    async def poll(self):
        still = self._still()
        status = await super().poll()
        if status is not None and still():
            # The server is gone (killed, crashed): its kernels must not live on.
            cg = self.cgroup()
            if cg.usable and cg.procs():
                await cg.kill_all(current=still)
            if still():
                self._release_port()
        return status
