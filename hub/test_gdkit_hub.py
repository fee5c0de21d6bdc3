"""Unit tests of gdkit_hub (run by hub/test.sh: python -m unittest test_gdkit_hub)."""
import os
import tempfile
import types
import unittest

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
