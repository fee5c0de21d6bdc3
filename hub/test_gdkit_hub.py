"""Unit tests of gdkit_hub (run by hub/test.sh: python -m unittest test_gdkit_hub)."""
import asyncio
import errno
import logging
import os
import signal
import subprocess
import tempfile
import types
import unittest

import gdkit_hub
from gdkit_hub import ClassSpawner, read_env_file


def spawner(name, lo=19400, hi=19403):
    s = ClassSpawner(user=types.SimpleNamespace(name=name, url="/user/" + name), port_range=(lo, hi))
    return s


class PortTest(unittest.TestCase):
    def tearDown(self):
        ClassSpawner._ports_in_use.clear()

    def test_concurrent_spawns_get_distinct_ports(self):
        # No server binds in between: a bind test alone would hand out one port twice.
        ports = [spawner(f"u{i}")._free_port() for i in range(4)]
        self.assertEqual(len(set(ports)), 4, ports)
        self.assertTrue(all(19400 <= p <= 19403 for p in ports))
        with self.assertRaises(RuntimeError):
            spawner("u4")._free_port()

    def test_release_and_respawn(self):
        a = spawner("ana")
        p = a._free_port()
        self.assertEqual(a._free_port(), p, "a respawn of the same user may keep its port")
        a._release_port()
        self.assertNotIn(p, ClassSpawner._ports_in_use)


class CgroupTest(unittest.TestCase):
    def test_class_weight_follows_the_number_of_students(self):
        import logging
        from gdkit_hub import StudentCgroup
        with tempfile.TemporaryDirectory() as root:
            parent = os.path.join(root, "gdkit-hub")
            os.makedirs(parent)
            cgs = []
            for name in ("ana", "beto", "caro"):
                cg = StudentCgroup("/gdkit-hub", name, logging.getLogger())
                cg.paths = {"cpu": os.path.join(parent, name)}
                os.makedirs(cg.paths["cpu"])
                cg.rebalance()
                cgs.append(cg)
            with open(os.path.join(parent, "cpu.shares")) as f:
                self.assertEqual(f.read(), str(3 * 1024))
            os.rmdir(cgs[0].paths["cpu"])
            cgs[0].rebalance()
            with open(os.path.join(parent, "cpu.shares")) as f:
                self.assertEqual(f.read(), str(2 * 1024))

    def test_cleanup_spares_a_new_server(self):
        """A kill_all for a dead server (stop, poll) stops as soon as a new start of
        the same student begins: the new server joins the same cgroup."""
        from gdkit_hub import StudentCgroup
        with tempfile.TemporaryDirectory() as root:
            cg = StudentCgroup("/gdkit-hub", "ana", logging.getLogger())
            cg.paths = {"pids": os.path.join(root, "pids", "ana")}
            os.makedirs(cg.paths["pids"])
            new = subprocess.Popen(["sleep", "30"])
            try:
                with open(os.path.join(cg.paths["pids"], "cgroup.procs"), "w") as f:
                    f.write(f"{new.pid}\n")
                spawner = types.SimpleNamespace(_generation=1)
                still = gdkit_hub.ClassSpawner._still(spawner)
                spawner._generation = 2  # start() of the next server
                asyncio.run(cg.kill_all(timeout=2, current=still))
                self.assertIsNone(new.poll(), "the new server was killed")
                self.assertTrue(os.path.isdir(cg.paths["pids"]), "its cgroup was removed")
                asyncio.run(cg.kill_all(timeout=2, current=gdkit_hub.ClassSpawner._still(spawner)))
                self.assertEqual(new.wait(timeout=5), -signal.SIGKILL)
            finally:
                if new.poll() is None:
                    new.kill()
                    new.wait()

    def test_memory_limit_covers_swap_when_accounted(self):
        import logging
        from gdkit_hub import StudentCgroup
        for accounted in (True, False):
            with tempfile.TemporaryDirectory() as root:
                cg = StudentCgroup("/gdkit-hub", "ana", logging.getLogger())
                cg.paths = {"memory": os.path.join(root, "memory", "ana")}
                os.makedirs(cg.paths["memory"])
                memsw = os.path.join(cg.paths["memory"], "memory.memsw.limit_in_bytes")
                if accounted:
                    open(memsw, "w").close()
                cg.create(2 << 30, 0, 0)
                self.assertEqual(cg.read("memory", "memory.limit_in_bytes"), str(2 << 30))
                if accounted:
                    self.assertEqual(cg.read("memory", "memory.memsw.limit_in_bytes"), str(2 << 30))
                else:
                    self.assertFalse(os.path.exists(memsw))


class FakeKernel(gdkit_hub.CgroupFS):
    """A simulated cgroup2 file system in a temp dir: the interface files a new
    cgroup gets, a pid written to cgroup.procs leaves its old cgroup, the "no
    internal processes" rule (EBUSY), controllers only from cgroup.controllers,
    cgroup.kill empties the cgroup, rmdir of a populated cgroup fails."""

    ALL = "cpuset cpu io memory hugetlb pids rdma misc"

    def __init__(self, root, enabled="memory cpu pids", kill=True, peak=True, swap=True):
        self.root, self.has_kill, self.peak, self.swap = root, kill, peak, swap
        self.killed, self.real, self.may_write, self.is_delegated = set(), set(), True, True
        self.status = {}  # pid -> wait status of the real processes
        for name, text in (("cgroup.controllers", self.ALL), ("cgroup.subtree_control", enabled),
                           ("cgroup.procs", "1\n"), ("cpu.stat", "usage_usec 0\n")):
            with open(os.path.join(root, name), "w") as f:
                f.write(text)

    def _raw(self, path):
        with open(path) as f:
            return f.read()

    def _put(self, path, text):
        with open(path, "w") as f:
            f.write(text)

    def _alive(self, pid):
        if pid not in self.real:
            return True
        if pid in self.status:
            return False
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            self.status[pid] = status
        return not done

    def read(self, path):
        text = self._raw(path)
        if os.path.basename(path) == "cgroup.procs":
            text = "".join(f"{p}\n" for p in map(int, text.split()) if self._alive(p))
        return text

    def writable(self, path):
        return self.may_write

    def delegated(self, path):
        return self.is_delegated

    def mkdir(self, path):
        parent = os.path.dirname(path)
        on = self._raw(os.path.join(parent, "cgroup.subtree_control")).split()
        os.mkdir(path)
        files = {"cgroup.controllers": " ".join(on), "cgroup.subtree_control": "", "cgroup.procs": "",
                 "cgroup.type": "domain", "cpu.stat": "usage_usec 0\n"}
        if self.has_kill:
            files["cgroup.kill"] = ""
        if "memory" in on:
            files.update({"memory.max": "max", "memory.events": "max 0\noom_kill 0\n"})
            if self.swap:
                files["memory.swap.max"] = "max"
            if self.peak:
                files["memory.peak"] = "0"
        if "cpu" in on:
            files.update({"cpu.max": "max 100000", "cpu.weight": "100"})
        if "pids" in on:
            files["pids.max"] = "max"
        for name, text in files.items():
            self._put(os.path.join(path, name), text)

    def rmdir(self, path):
        if self.read(os.path.join(path, "cgroup.procs")).split() or any(e.is_dir() for e in os.scandir(path)):
            raise OSError(errno.EBUSY, os.strerror(errno.EBUSY), path)
        for e in os.scandir(path):
            os.unlink(e.path)
        os.rmdir(path)

    def write(self, path, value):
        d, name = os.path.split(path)
        if not os.path.exists(path):
            raise OSError(errno.ENOENT, os.strerror(errno.ENOENT), path)
        inner = os.path.exists(os.path.join(d, "cgroup.type"))  # not the root
        value = str(value)
        if name == "cgroup.procs":
            if inner and self._raw(os.path.join(d, "cgroup.subtree_control")).split():
                raise OSError(errno.EBUSY, os.strerror(errno.EBUSY), path)
            pid = int(value)
            for dirpath, _, _ in os.walk(self.root):
                procs = os.path.join(dirpath, "cgroup.procs")
                self._put(procs, "".join(f"{p}\n" for p in map(int, self._raw(procs).split()) if p != pid))
            with open(path, "a") as f:
                f.write(f"{pid}\n")
        elif name == "cgroup.subtree_control":
            have = self._raw(os.path.join(d, "cgroup.controllers")).split()
            on = self._raw(path).split()
            for tok in value.split():
                if tok[1:] not in have:
                    raise OSError(errno.ENOENT, os.strerror(errno.ENOENT), path)
            if inner and self._raw(os.path.join(d, "cgroup.procs")).split():
                raise OSError(errno.EBUSY, os.strerror(errno.EBUSY), path)
            for tok in value.split():
                if tok[0] == "+" and tok[1:] not in on:
                    on.append(tok[1:])
                elif tok[0] == "-" and tok[1:] in on:
                    on.remove(tok[1:])
            self._put(path, " ".join(on))
        elif name == "cgroup.kill":
            procs = os.path.join(d, "cgroup.procs")
            self.killed.update(map(int, self._raw(procs).split()))
            self._put(procs, "")
        else:
            self._put(path, value)


class CgroupV2Test(unittest.TestCase):
    """StudentCgroupV2 against FakeKernel; the hub (pid 4242, proxy 4243) runs in
    /system.slice/gdkit-hub.service, as under the systemd unit of docs/hub.md."""

    HUB = "/system.slice/gdkit-hub.service"

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)
        self.root = os.path.join(self.tmp.name, "cgroup")
        os.mkdir(self.root)
        saved = {k: getattr(gdkit_hub, k) for k in ("CGROUP_ROOT", "MOUNTS", "PROC", "cgroupfs")}
        self.addCleanup(lambda: [setattr(gdkit_hub, k, v) for k, v in saved.items()])
        gdkit_hub.CGROUP_ROOT = self.root
        gdkit_hub.MOUNTS = os.path.join(self.tmp.name, "mounts")
        gdkit_hub.PROC = os.path.join(self.tmp.name, "proc")
        with open(gdkit_hub.MOUNTS, "w") as f:
            f.write(f"proc /proc proc rw 0 0\ncgroup2 {self.root} cgroup2 rw,nsdelegate 0 0\n")
        self.kernel(FakeKernel(self.root))
        self.hub_in(self.HUB, pids=(4242, 4243))

    def kernel(self, k):
        self.k = gdkit_hub.cgroupfs = k

    def hub_in(self, cgroup, pids=()):
        # As systemd does: every slice passes on the controllers it has; the root's
        # cgroup.subtree_control is what the FakeKernel was made with.
        d = self.root
        for part in cgroup.strip("/").split("/"):
            if d != self.root and not self.k.read(os.path.join(d, "cgroup.procs")).split():
                have = self.k.read(os.path.join(d, "cgroup.controllers")).split()
                self.k.write(os.path.join(d, "cgroup.subtree_control"), " ".join("+" + c for c in have))
            d = os.path.join(d, part)
            if not os.path.isdir(d):
                self.k.mkdir(d)
        for pid in pids:
            self.k.write(os.path.join(d, "cgroup.procs"), pid)
        os.makedirs(os.path.join(gdkit_hub.PROC, "self"), exist_ok=True)
        with open(os.path.join(gdkit_hub.PROC, "self", "cgroup"), "w") as f:
            f.write(f"0::{cgroup}\n")

    def file(self, cgroup, name):
        with open(os.path.join(self.root, cgroup.strip("/"), name)) as f:
            return f.read().split()

    def student(self, name="ana", parent="gdkit-hub"):
        return gdkit_hub.student_cgroup(parent, name, logging.getLogger("test"))

    def test_mode(self):
        self.assertEqual(gdkit_hub.cgroup_mode(), "v2")
        self.assertIsInstance(self.student(), gdkit_hub.StudentCgroupV2)
        for table in (
            # hybrid (this machine): a tmpfs at the root, v2 only at unified/
            f"tmpfs {self.root} tmpfs rw 0 0\ncgroup {self.root}/memory cgroup rw,memory 0 0\n"
            f"cgroup2 {self.root}/unified cgroup2 rw 0 0\n",
            f"cgroup2 {self.root}/unified cgroup2 rw 0 0\n",
            # the last mount on the path is the one in force
            f"cgroup2 {self.root} cgroup2 rw 0 0\ntmpfs {self.root} tmpfs rw 0 0\n",
        ):
            with open(gdkit_hub.MOUNTS, "w") as f:
                f.write(table)
            self.assertEqual(gdkit_hub.cgroup_mode(), "v1", table)
            self.assertIsInstance(self.student(), gdkit_hub.StudentCgroup)
        os.unlink(gdkit_hub.MOUNTS)
        self.assertEqual(gdkit_hub.cgroup_mode(), "v1")

    def test_create(self):
        cg = self.student()
        self.assertTrue(cg.usable, cg.problem)
        cg.create(1024**3, 0.5, 1024)
        ana = self.HUB + "/gdkit-hub/ana"
        self.assertEqual(cg.path, os.path.join(self.root, ana.lstrip("/")))
        self.assertEqual(self.file(ana, "memory.max"), ["1073741824"])
        self.assertEqual(self.file(ana, "memory.swap.max"), ["0"])
        self.assertEqual(self.file(ana, "cpu.max"), ["50000", "100000"])
        self.assertEqual(self.file(ana, "pids.max"), ["1024"])
        # The hub and its proxy left the cgroup that now passes controllers on.
        self.assertEqual(self.file(self.HUB, "cgroup.procs"), [])
        self.assertEqual(self.file(self.HUB + "/hub", "cgroup.procs"), ["4242", "4243"])
        for d in (self.HUB, self.HUB + "/gdkit-hub"):
            self.assertEqual(sorted(self.file(d, "cgroup.subtree_control")), ["cpu", "memory", "pids"], d)
        # A second student: nothing to move, the same parent.
        beto = self.student("beto")
        beto.create(2 * 1024**3, 0.001, 0)
        self.assertEqual(self.file(self.HUB + "/gdkit-hub/beto", "cpu.max"), ["1000", "100000"])
        self.assertEqual(self.file(self.HUB + "/gdkit-hub/beto", "pids.max"), ["max"])

    def test_hub_already_in_its_leaf(self):
        # systemd's DelegateSubgroup=hub starts the hub in .../gdkit-hub.service/hub.
        self.hub_in(self.HUB + "/hub", pids=(4242, 4243))
        cg = self.student()
        cg.create(1024**3, 1, 1024)
        self.assertEqual(cg.path, os.path.join(self.root, self.HUB.lstrip("/"), "gdkit-hub", "ana"))
        self.assertEqual(self.file(self.HUB + "/hub", "cgroup.procs"), ["4242", "4243"])
        self.assertFalse(os.path.exists(os.path.join(self.root, self.HUB.lstrip("/"), "hub", "hub")))

    def test_without_swap_and_peak_files(self):
        # memory.swap.max is missing without swap accounting; memory.peak before 5.19.
        self.kernel(FakeKernel(self.root, swap=False, peak=False))
        self.hub_in("/x.service", pids=(7,))
        cg = self.student()
        cg.create(1024**3, 1, 1024)
        self.assertEqual(self.file("/x.service/gdkit-hub/ana", "memory.max"), ["1073741824"])
        self.assertFalse(os.path.exists(os.path.join(cg.path, "memory.swap.max")))

    def test_rebalance(self):
        cgs = [self.student(n) for n in ("ana", "beto", "caro")]
        for cg in cgs:
            cg.create(1024**3, 1, 1024)
        self.assertEqual(self.file(self.HUB + "/gdkit-hub", "cpu.weight"), ["300"])
        asyncio.run(cgs[0].kill_all(timeout=1))
        self.assertEqual(self.file(self.HUB + "/gdkit-hub", "cpu.weight"), ["200"])
        self.assertEqual([gdkit_hub.cpu_weight(n) for n in (0, 1, 20, 100, 500)], [1, 100, 2000, 10000, 10000])

    def test_join(self):
        cg = self.student()
        cg.create(1024**3, 1, 1024)
        cg.join_fn()()
        self.assertEqual(cg.procs(), {os.getpid()})
        self.assertEqual(self.file(cg.path[len(self.root):], "cgroup.procs"), [str(os.getpid())])

    def test_kill_all_with_cgroup_kill(self):
        cg = self.student()
        cg.create(1024**3, 1, 1024)
        for pid in (5001, 5002):
            self.k.write(os.path.join(cg.path, "cgroup.procs"), pid)
        self.assertEqual(cg.procs(), {5001, 5002})
        asyncio.run(cg.kill_all(timeout=2))
        self.assertEqual(self.k.killed, {5001, 5002})
        self.assertFalse(os.path.exists(cg.path))
        asyncio.run(cg.kill_all(timeout=1))  # nothing left: no error

    def test_kill_all_without_cgroup_kill(self):
        # Before 5.14: SIGKILL to every pid in cgroup.procs (real processes here).
        self.kernel(FakeKernel(self.root, kill=False))
        self.hub_in("/y.service", pids=(7,))
        cg = self.student()
        cg.create(1024**3, 1, 1024)
        children = [subprocess.Popen(["sleep", "60"]) for _ in range(2)]
        def reap():
            for c in children:
                if c.pid in self.k.status:  # reaped by the FakeKernel: tell Popen
                    c.returncode = -os.WTERMSIG(self.k.status[c.pid])
                else:
                    c.kill()
                    c.wait()
        self.addCleanup(reap)
        for c in children:
            self.k.real.add(c.pid)
            self.k.write(os.path.join(cg.path, "cgroup.procs"), c.pid)
        asyncio.run(cg.kill_all(timeout=5))
        self.assertEqual(cg.procs(), set())
        self.assertFalse(os.path.exists(cg.path))
        self.assertEqual([os.WTERMSIG(self.k.status[c.pid]) for c in children], [signal.SIGKILL] * 2)

    def test_missing_controller(self):
        # The unit's parent gives it memory and pids but not cpu (no Delegate=yes).
        self.kernel(FakeKernel(self.root, enabled="memory pids"))
        self.hub_in("/z.service", pids=(7,))
        cg = self.student()
        self.assertFalse(cg.usable)
        for want in ("controller(s) cpu not available", "z.service", "memory pids", "+cpu", "Delegate=yes"):
            self.assertIn(want, cg.problem)
        with self.assertRaisesRegex(RuntimeError, "controller.s. cpu not available"):
            cg.create(1024**3, 1, 1024)
        # The spawner refuses the student with that message (require_limits).
        s = spawner("ana")
        self.addCleanup(ClassSpawner._ports_in_use.clear)
        with self.assertRaisesRegex(RuntimeError, r"cpu not available.*Delegate=yes"):
            asyncio.run(s.start())

    def test_not_writable(self):
        self.k.may_write = False
        cg = self.student()
        self.assertFalse(cg.usable)
        self.assertIn(f"uid {os.geteuid()}) cannot write its cgroup", cg.problem)
        self.assertIn("Delegate=yes", cg.problem)

    def test_parent_with_processes(self):
        # An absolute parent below a cgroup that has processes: EBUSY, explained.
        self.hub_in("/user.slice/session-1.scope", pids=(99,))
        self.hub_in(self.HUB, pids=(4242,))
        cg = self.student(parent="/user.slice/session-1.scope/class")
        with self.assertRaisesRegex(RuntimeError, r"session-1.scope: it has processes \[99\].*no internal processes"):
            cg.create(1024**3, 1, 1024)


class EnvFileTest(unittest.TestCase):
    def test_read(self):
        with tempfile.NamedTemporaryFile("w", delete=False) as f:
            f.write("# comment\nA=1\n\nB=x=y\nbroken line\n")
        try:
            self.assertEqual(read_env_file(f.name), {"A": "1", "B": "x=y"})
        finally:
            os.unlink(f.name)
        self.assertEqual(read_env_file("/nonexistent/student.env"), {})


if __name__ == "__main__":
    unittest.main()
