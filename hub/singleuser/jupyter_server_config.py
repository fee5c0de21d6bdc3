# Configuration of every student's single-user JupyterLab on gdkit's hub
# (found through JUPYTER_CONFIG_PATH, set by hub/setup.sh's student.env).
c = get_config()  # noqa: F821
# The class runs Go: offer only the GoNB kernel, and make it the default.
c.KernelSpecManager.allowed_kernelspecs = {"gonb"}
c.MultiKernelManager.default_kernel_name = "gonb"
# Kernels left idle for an hour are shut down, so a forgotten tab gives back its memory.
c.MappingKernelManager.cull_idle_timeout = 3600
c.MappingKernelManager.cull_interval = 300
