# gdkit: make run (notebooks in JupyterLab) and make test (everything, notebooks included).
SHELL      := /bin/bash
GO         ?= go
NOTEBOOKS  := $(sort $(wildcard notebooks/[0-9]*.ipynb))
FUZZTIME   ?= 2000x
# FUZZMINIMIZE bounds the minimisation of each new interesting input (go's default is 60 s each).
FUZZMINIMIZE ?= 20x
NBJOBS     ?= 2
PORT       ?= 8888
UI         ?= lab
FIGURES    ?= figures
VENV       := .venv

STUDENT    ?= student

.PHONY: run setup test vet unit figlint fuzz nbtest browser chromium smoke notebooks html figures gallery \
	bench latency nblint mark student autograde gradetest

## run: set up what is missing (Jupyter in .venv, the pinned GoNB kernel, a warm build cache),
## then serve notebooks/ in JupyterLab 4 (UI=notebook: Notebook 7) on 127.0.0.1 and print the URL.
run: setup
	@PORT=$(PORT) UI=$(UI) bash scripts/run.sh

## setup: python3 with venv, .venv from requirements.txt, GoNB + goimports from go.mod, kernel spec,
## warm Go build cache; one line per step with its time (details in out/setup.log).
setup:
	@bash scripts/setup.sh

## test: vet, the notebooks' cell shape (nblint), unit tests (race detector), the figure lint,
## short fuzzing, a smoke test of make run, every notebook through the real kernel (nbclient), every
## notebook driven in headless Chromium, and the grading cases of the student edition (gradetest).
test: setup chromium vet nblint unit figlint fuzz smoke nbtest browser gradetest

## nblint: every code cell ≤ 25 lines of ≤ 90 columns, no panic(err), exercises marked for nbgrader.
nblint:
	$(GO) run ./cmd/nblint $(NOTEBOOKS)

## mark: (re)write the nbgrader metadata of the exercises' answer and check cells.
mark:
	python3 scripts/nbgrader-mark.py $(NOTEBOOKS)

vet:
	$(GO) vet ./...

unit:
	GDKIT_REQUIRE_KERNEL=1 GDKIT_REQUIRE_BROWSER=1 $(GO) test -race -count=1 -timeout 30m ./...

## figlint: every figure of make figures against the rules of slide figures (gdplot.Lint):
## no overlapping text, no text off the canvas, round tick steps, no NaN in SVG.
figlint:
	$(GO) run ./cmd/figures -lint

fuzz:
	@set -e; log=$$(mktemp); trap 'rm -f "$$log"' EXIT; grep -v '^\s*\(#\|$$\)' scripts/fuzz-targets.txt | while read -r pkg name; do \
		echo "fuzz $$pkg $$name ($(FUZZTIME))"; \
		$(GO) test -run '^$$' -fuzz "^$$name\$$" -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINIMIZE) "$$pkg" > "$$log" 2>&1 || { cat "$$log"; exit 1; }; \
	done

nbtest:
	$(GO) run ./cmd/nbcheck -j $(NBJOBS) $(NOTEBOOKS)

## browser: every notebook run all in JupyterLab in headless Chromium (cmd/nbbrowser); screenshots in out/browser.
browser:
	$(GO) run ./cmd/nbbrowser $(NOTEBOOKS)

## chromium: fail early, with the command to run, when Debian's Chromium is missing.
chromium:
	@$(GO) run ./cmd/nbbrowser -check

smoke:
	@bash scripts/run-smoke.sh

## notebooks: re-execute every notebook in place so the stored outputs (figures) are fresh.
notebooks: setup
	$(GO) run ./cmd/nbcheck -j $(NBJOBS) -inplace $(NOTEBOOKS)

## html: static HTML copies of the executed notebooks in html/, and of the student edition in
## html/student/, for readers without Go.
html: setup student
	@mkdir -p html/student
	$(VENV)/bin/jupyter nbconvert --to html --output-dir html $(NOTEBOOKS)
	$(VENV)/bin/jupyter nbconvert --to html --output-dir html/student $(STUDENT)/[0-9]*.ipynb

## student: the student edition (solutions replaced by TODO stubs, explanations removed) in
## $(STUDENT)/, by nbgrader's generate_assignment (nbgrader_config.py); nbgrader is in .venv.
student: setup
	$(VENV)/bin/python scripts/grading.py student $(STUDENT)

## autograde: score filled-in notebooks with nbgrader: make autograde DIR=folder (one student's
## NN_*.ipynb, or one folder per student); details in out/nbgrader/.
autograde: setup
	@test -n "$(DIR)" || { echo "usage: make autograde DIR=folder-with-notebooks" >&2; exit 2; }
	$(VENV)/bin/python scripts/grading.py autograde $(DIR)

## gradetest: the four grading cases: an untouched student copy scores 0 on every check, the
## teacher's solutions full marks, one wrong answer loses exactly its points, and the student
## edition runs with no error but its unanswered checks.
gradetest: setup
	$(VENV)/bin/python scripts/grading.py test

## figures: every course figure as PNG + SVG + PDF, named after its slide.
figures:
	$(GO) run ./cmd/figures -out $(FIGURES)

## gallery: the slides' figures drawn by gdkit beside matplotlib's, with the render times of the
## same run, in gallery/index.html (git-ignored). matplotlib comes from .venv (scripts/gallery-
## requirements.txt is installed into it when it exists), else /usr/bin/python3 if it has it;
## without either the page shows gdkit alone, with a note.
gallery:
	@py=""; \
	if [ -x $(VENV)/bin/python ]; then \
		$(VENV)/bin/python -m pip install -q -r scripts/gallery-requirements.txt && py=$(VENV)/bin/python; \
	elif /usr/bin/python3 -c 'import numpy, matplotlib' 2>/dev/null; then \
		py=/usr/bin/python3; \
	else \
		echo "gallery: no matplotlib in .venv or /usr/bin/python3: gdkit alone"; \
	fi; \
	$(GO) run ./cmd/figures -gallery gallery -python "$$py" -dpi 100

## bench: Go benchmarks, and the numpy / matplotlib formulations of the same work where available.
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...
	@for s in scripts/bench-*.sh; do [ -f "$$s" ] && bash "$$s"; done; true

## latency: the first figure cell of 00_inicio in 5 fresh kernels (what a newcomer waits for),
## then the warm latency of a figure cell re-run and edited.
latency: setup
	$(VENV)/bin/python scripts/first-cell.py notebooks/00_inicio.ipynb 5
	$(VENV)/bin/python scripts/cell-latency.py notebooks/00_inicio.ipynb 9


# ---- A class on one server: JupyterHub (docs/hub.md) -------------------------------------
HUB_CLASS ?= hub/class.txt
K         ?= 5

.PHONY: hub hub-setup hub-users hub-users-remove hub-load hub-test hub-cache-bench

## hub: JupyterHub on 127.0.0.1:$(HUB_PORT) for the accounts of $(HUB_CLASS) (root; Ctrl-C stops it).
hub: hub-setup hub-users
	@echo "gdkit: JupyterHub on http://127.0.0.1:$${HUB_PORT:-19000}/ — students log in with the passwords in $${HUB_VAR:-/var/lib/gdkit-hub}/passwords.txt"
	@bash hub/run.sh

## hub-setup: the hub's own venv ($HUB_VAR/venv, never .venv) from requirements.txt, the student edition
## (student/), configurable-http-proxy, the students' shared Go toolchain and warm cache.
hub-setup:
	@bash hub/setup.sh

## hub-users: one system account per student of $(HUB_CLASS); hub-users-remove deletes them.
hub-users:
	@bash hub/users.sh $(HUB_CLASS)

hub-users-remove:
	@bash hub/users.sh --remove $(HUB_CLASS)

## hub-load: K simulated students log in at once and run 02_descenso_1d through the kernel websocket.
hub-load: hub-setup
	@bash hub/load.sh $(K)

## hub-test: isolation and fault tests against a real hub with test accounts (root).
hub-test: hub-setup
	@bash hub/test.sh

## hub-cache-bench: first-cell latency and disk per student of each Go build cache option.
hub-cache-bench: hub-setup
	@bash hub/cache-bench.sh
