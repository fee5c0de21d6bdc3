#!/usr/bin/env python3
"""Smoke test of gdkit_hub's cgroup v2 code against a real kernel (root).

    python3 hub/cgv2_smoke.py [ROOT]     # ROOT: a cgroup2 mount, default /sys/fs/cgroup

On a hybrid host (cgroup v1 for the controllers, a cgroup2 mount at
/sys/fs/cgroup/unified), pass /sys/fs/cgroup/unified: the kernel then checks what
needs no controller (cgroup.procs, the hub's move into its leaf, the "no internal
processes" rule, cgroup.kill, SIGKILL of cgroup.procs, rmdir) with whatever controller
the hierarchy has (hugetlb, say) standing in for memory/cpu/pids. Where memory, cpu
and pids are all there, it also checks the limits that were written. Everything it
makes is under ROOT/gdkit-smoke-PID and removed at the end.
"""
import asyncio
import errno
import logging
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gdkit_hub as g  # noqa: E402

logging.basicConfig(level=logging.INFO, format="  log: %(message)s")
log = logging.getLogger("smoke")


def read(path):
    with open(path) as f:
        return f.read().split()


def cgroup_of(pid):
    with open(f"/proc/{pid}/cgroup") as f:
        return [line[3:].strip() for line in f if line.startswith("0::")][0]


class NoKill(g.CgroupFS):
    """The real kernel, minus cgroup.kill (as before Linux 5.14)."""

    def exists(self, path):
        return not path.endswith("/cgroup.kill") and super().exists(path)


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "/sys/fs/cgroup"
    g.CGROUP_ROOT = root
    mode = g.cgroup_mode()
    print(f"{root}: cgroup_mode() = {mode} (from /proc/self/mounts)")
    assert mode == "v2", "not a cgroup2 mount"
    have = read(os.path.join(root, "cgroup.controllers"))
    full = all(c in have for c in g.CONTROLLERS_V2)
    print(f"controllers available: {' '.join(have) or 'none'}; memory+cpu+pids: {full}")
    name = f"gdkit-smoke-{os.getpid()}"
    base = os.path.join(root, name)
    tmp = tempfile.TemporaryDirectory()
    os.makedirs(os.path.join(tmp.name, "self"))
    with open(os.path.join(tmp.name, "self", "cgroup"), "w") as f:
        f.write(f"0::/{name}\n")
    g.PROC = tmp.name  # the "hub" below is a sleep in ROOT/gdkit-smoke-PID
    os.mkdir(base)
    hub = subprocess.Popen(["sleep", "300"])
    procs, undo = [], []
    try:
        g.cgroupfs.write(os.path.join(base, "cgroup.procs"), hub.pid)
        assert read(os.path.join(base, "cgroup.procs")) == [str(hub.pid)]
        print(f"ok  the 'hub' (pid {hub.pid}) runs in /{name}")

        cg = g.StudentCgroupV2("gdkit-hub", "ana", log)
        print(f"ok  with memory/cpu missing, usable={cg.usable}: {cg.problem}" if not full
              else f"ok  usable={cg.usable}")
        if not full:
            if not have:
                print("no controller at all in this hierarchy: nothing more to check")
                return
            # A controller the hierarchy has stands in for memory/cpu/pids. The root
            # passes it on (the root is exempt from the rule); undone at the end.
            g.CONTROLLERS_V2 = g.REQUIRED_V2 = (have[0],)
            top = os.path.join(root, "cgroup.subtree_control")
            if have[0] not in read(top):
                g.cgroupfs.write(top, "+" + have[0])
                undo.append((top, "-" + have[0]))
                print(f"ok  enabled +{have[0]} in {top} (undone at the end)")
            # An absolute cgroup_parent below the hub's cgroup: EBUSY, explained.
            try:
                g.StudentCgroupV2(f"/{name}/class", "ana", log).create(0, 0, 0)
                raise AssertionError("no error for a parent below a cgroup with processes")
            except RuntimeError as e:
                assert "no internal processes" in str(e), e
                print(f"ok  absolute parent /{name}/class: {e}")
            try:
                g.cgroupfs.write(os.path.join(base, "cgroup.subtree_control"), "+" + have[0])
                raise AssertionError("the kernel let a cgroup with processes enable a controller")
            except OSError as e:
                assert e.errno == errno.EBUSY, e
                print(f"ok  'no internal processes': +{have[0]} in /{name} with the hub inside: {e.strerror}")
            cg = g.StudentCgroupV2("gdkit-hub", "ana", log)
        cg.create(*((1024**3, 0.5, 64) if full else (0, 0, 0)))
        leaf = os.path.join(base, g.HUB_LEAF)
        assert read(os.path.join(leaf, "cgroup.procs")) == [str(hub.pid)], read(os.path.join(leaf, "cgroup.procs"))
        assert cgroup_of(hub.pid) == f"/{name}/hub", cgroup_of(hub.pid)
        assert read(os.path.join(base, "cgroup.procs")) == []
        print(f"ok  the hub moved to /{name}/hub; /{name} passes on: {' '.join(read(os.path.join(base, 'cgroup.subtree_control')))}")
        print(f"ok  {cg.path[len(root):]} has cgroup.controllers: {' '.join(read(os.path.join(cg.path, 'cgroup.controllers')))}")
        if full:
            for key in ("memory.max", "memory.swap.max", "cpu.max", "pids.max"):
                print(f"    {key} = {' '.join(read(os.path.join(cg.path, key)) if os.path.exists(os.path.join(cg.path, key)) else ['(none)'])}")
            print(f"    parent cpu.weight = {read(os.path.join(cg.parent, 'cpu.weight'))}")

        for label, fs in (("cgroup.kill", g.cgroupfs), ("SIGKILL to cgroup.procs", NoKill())):
            cg = g.StudentCgroupV2("gdkit-hub", "ana", log, fs=fs)
            cg.create(*((1024**3, 0.5, 64) if full else (0, 0, 0)))
            p = subprocess.Popen(["sh", "-c", "sleep 300 & exec sleep 301"], preexec_fn=cg.join_fn())
            procs.append(p)
            deadline = time.monotonic() + 5
            while len(cg.procs()) < 2 and time.monotonic() < deadline:
                time.sleep(0.05)
            inside = cg.procs()
            assert p.pid in inside and len(inside) == 2, inside
            assert cgroup_of(p.pid) == cg.path[len(root):], cgroup_of(p.pid)
            t0 = time.monotonic()
            asyncio.run(cg.kill_all(timeout=5))
            assert p.wait(timeout=5) == -9, p.returncode
            assert not os.path.exists(cg.path)
            print(f"ok  join (preexec) put {sorted(inside)} in .../ana; kill_all by {label} in "
                  f"{time.monotonic() - t0:.2f} s: SIGKILL, the cgroup is gone")
    finally:
        for p in procs + [hub]:
            if p.poll() is None:
                p.kill()
                p.wait()
        # What a failed check left behind (the sleeps started here): cgroup.kill.
        for dirpath, _, files in os.walk(base):
            if "cgroup.kill" in files and read(os.path.join(dirpath, "cgroup.procs")):
                g.cgroupfs.write(os.path.join(dirpath, "cgroup.kill"), 1)
        for d in (os.path.join(base, "gdkit-hub", "ana"), os.path.join(base, "gdkit-hub"),
                  os.path.join(base, "class"), os.path.join(base, g.HUB_LEAF), base):
            for _ in range(50):
                try:
                    os.rmdir(d)
                    break
                except FileNotFoundError:
                    break
                except OSError:
                    time.sleep(0.1)  # a killed process leaves its cgroup a moment later
        print(f"removed /{name}: {not os.path.exists(base)}")
        for path, value in undo:
            g.cgroupfs.write(path, value)
            print(f"undone: {value} in {path}")
        tmp.cleanup()


if __name__ == "__main__":
    main()
