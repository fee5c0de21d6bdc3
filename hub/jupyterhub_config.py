# JupyterHub for a class on one server (make hub). Every setting can be changed
# by an environment variable of the same spirit, so tests and the load test run
# the same file:
#   HUB_PORT (19000; the proxy API and the hub's own API use the next two ports),
#   HUB_USER_PORTS ("19100-19499", the students' servers), HUB_VAR (/var/lib/gdkit-hub),
#   HUB_STATE ($HUB_VAR/state: users, cookie secret), HUB_SHARED ($HUB_VAR/shared, made by
#   hub/setup.sh), HUB_GROUP (gdkit-class: who may log in),
#   HUB_MEM_LIMIT (2G), HUB_CPU_LIMIT (1.0 core), HUB_GOCACHE (prog | copy | shared),
#   HUB_NOTEBOOKS (the folder copied to students; default student/ or notebooks/),
#   HUB_AUTH (pam; "dummy" is accepted only with HUB_TESTING=1),
#   HUB_SERVICE_TOKEN (optional: an admin API token for the teacher's scripts and the tests).
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
repo = os.path.dirname(here)
sys.path.insert(0, here)
from gdkit_hub import ClassSpawner, read_env_file  # noqa: E402

c = get_config()  # noqa: F821
env = os.environ.get
port = int(env("HUB_PORT", "19000"))
var = env("HUB_VAR", "/var/lib/gdkit-hub")
state = env("HUB_STATE", os.path.join(var, "state"))
shared = env("HUB_SHARED", os.path.join(var, "shared"))
# hub/setup.sh's choices: the venv, and the checkout students build from (this
# one, or a copy of it when this one is not readable by other accounts).
student_env = read_env_file(os.path.join(shared, "student.env"))
if not student_env:
    raise SystemExit(f"{shared}/student.env is missing: run make hub-setup first")
os.makedirs(state, mode=0o700, exist_ok=True)

# Loopback only: the proxy serves students on HUB_PORT; a reverse proxy with TLS
# in front of it is the teacher's job for a real class (see docs/hub.md).
c.JupyterHub.bind_url = f"http://127.0.0.1:{port}"
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{port + 1}"
c.JupyterHub.hub_bind_url = f"http://127.0.0.1:{port + 2}"
c.ConfigurableHTTPProxy.command = [os.path.join(here, "node_modules", ".bin", "configurable-http-proxy")]
c.JupyterHub.db_url = "sqlite:///" + os.path.join(state, "jupyterhub.sqlite")
c.JupyterHub.cookie_secret_file = os.path.join(state, "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = os.path.join(state, "jupyterhub.pid")
c.ConfigurableHTTPProxy.pid_file = os.path.join(state, "jupyterhub-proxy.pid")

# Who: the system accounts of the class group (hub/users.sh), checked by PAM.
auth = env("HUB_AUTH", "pam")
if auth == "dummy":
    if env("HUB_TESTING") != "1":
        raise SystemExit("HUB_AUTH=dummy is for tests only (set HUB_TESTING=1)")
    c.JupyterHub.authenticator_class = "dummy"
    c.DummyAuthenticator.password = env("HUB_DUMMY_PASSWORD", "")
    c.Authenticator.allow_all = True
else:
    c.JupyterHub.authenticator_class = "pam"
    c.PAMAuthenticator.allowed_groups = {env("HUB_GROUP", "gdkit-class")}
    c.PAMAuthenticator.open_sessions = False  # no systemd-logind session per login
admins = env("HUB_ADMINS", "")
if admins:
    c.Authenticator.admin_users = set(admins.split(","))

# What each student gets: JupyterLab with the Go kernel, as their own account.
c.JupyterHub.spawner_class = ClassSpawner
c.Spawner.cmd = [os.path.join(student_env["HUB_VENV"], "bin", "jupyterhub-singleuser")]
c.Spawner.default_url = "/lab"
c.ClassSpawner.repo = student_env.get("GDKIT_ROOT", repo)
c.ClassSpawner.shared = shared
c.ClassSpawner.notebook_dir = "~/gdkit"
c.ClassSpawner.notebooks_source = env("HUB_NOTEBOOKS", "")
c.ClassSpawner.gocache = env("HUB_GOCACHE", "prog")
lo, hi = env("HUB_USER_PORTS", "19100-19499").split("-")
c.ClassSpawner.port_range = (int(lo), int(hi))
c.Spawner.mem_limit = env("HUB_MEM_LIMIT", "2G")
c.Spawner.cpu_limit = float(env("HUB_CPU_LIMIT", "1.0"))
# A class logging in at the same minute on a small server: each JupyterLab takes about
# 3 s of CPU to start, so 20 at once on 2 busy cores need more than the default 60 s.
c.Spawner.start_timeout = 300
c.Spawner.http_timeout = 300
c.Spawner.env_keep = ["LANG", "LC_ALL"]  # PATH and the rest come from student.env

# A server left idle is not culled here (a class runs for hours); the kernels
# inside are (hub/singleuser/jupyter_server_config.py).
c.JupyterHub.concurrent_spawn_limit = 40
c.JupyterHub.active_server_limit = 0

token = env("HUB_SERVICE_TOKEN")
if token:
    c.JupyterHub.services = [{"name": "gdkit-ops", "api_token": token}]
    c.JupyterHub.load_roles = [{
        "name": "gdkit-ops",
        "scopes": ["admin:users", "admin:servers", "tokens", "list:users", "read:users",
                   "access:servers", "read:metrics"],
        "services": ["gdkit-ops"],
    }]
