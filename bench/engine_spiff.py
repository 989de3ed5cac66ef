"""SpiffWorkflow's side of the engine benchmark, in its own process.

The process is Folio's own BPMN export of the workload (``export_bpmn``), made
executable: each labelled branch of a gateway gets the condition ``choice == "<label>"``
(the gateway's default branch stays the default). Spiff's ``BpmnParser`` reads it.
Each completion runs the ready user task with the choice in its data, runs the engine
to the next user task and writes the serialized workflow to SQLite (WAL, as Folio's)
in one transaction. Two ways of holding the state between completions:

- ``memory``: workflows stay in this process and are only written (the brief's
  baseline: the cheapest an application could do);
- ``reload``: each completion reads and deserializes the stored state first, as a
  stateless web request must (what Folio's ``complete_task`` does with its rows).

    .venv/bin/python bench/engine_spiff.py --cases 100 --mode memory
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

import workload
from lxml import etree
from SpiffWorkflow.bpmn import BpmnWorkflow
from SpiffWorkflow.bpmn.parser import BpmnParser
from SpiffWorkflow.bpmn.serializer import BpmnWorkflowSerializer
from SpiffWorkflow.util.task import TaskState

from folio.render.bpmn import export_bpmn

BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL"
XSI = "http://www.w3.org/2001/XMLSchema-instance"


def executable_bpmn() -> tuple[bytes, str]:
    """The workload's BPMN with branch conditions; (xml, process id)."""
    root = etree.fromstring(export_bpmn(workload.build_procedure()).encode("utf-8"))
    process = root.find(f"{{{BPMN}}}process")
    process.set("isExecutable", "true")
    defaults = {g.get("id"): g.get("default") for g in process.iter(f"{{{BPMN}}}exclusiveGateway")}
    for flow in process.iter(f"{{{BPMN}}}sequenceFlow"):
        source, label = flow.get("sourceRef"), flow.get("name")
        if source in defaults and label and defaults[source] != flow.get("id"):
            condition = etree.SubElement(flow, f"{{{BPMN}}}conditionExpression")
            condition.set(f"{{{XSI}}}type", "bpmn:tFormalExpression")
            condition.text = f"choice == {label!r}"
    return etree.tostring(root), process.get("id")


class Store:
    """One row per case: the workflow as Spiff's serializer writes it (JSON)."""

    def __init__(self, path: Path) -> None:
        self.db = sqlite3.connect(path, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("CREATE TABLE workflow (id INTEGER PRIMARY KEY, state TEXT NOT NULL)")
        self.serializer = BpmnWorkflowSerializer()

    def insert(self, workflow: BpmnWorkflow) -> int:
        state = self.serializer.serialize_json(workflow)
        self.db.execute("BEGIN IMMEDIATE")
        row = self.db.execute("INSERT INTO workflow (state) VALUES (?)", (state,)).lastrowid
        self.db.execute("COMMIT")
        return int(row or 0)

    def load(self, pk: int) -> BpmnWorkflow:
        (state,) = self.db.execute("SELECT state FROM workflow WHERE id = ?", (pk,)).fetchone()
        return self.serializer.deserialize_json(state)

    def update(self, pk: int, workflow: BpmnWorkflow) -> None:
        state = self.serializer.serialize_json(workflow)
        self.db.execute("UPDATE workflow SET state = ? WHERE id = ?", (state, pk))


def complete(workflow: BpmnWorkflow, completion: workload.Completion) -> None:
    """Run the one ready user task (it must be the expected activity, in the role's lane)."""
    task = workflow.get_next_task(state=TaskState.READY, manual=True)
    spec = task.task_spec if task is not None else None
    if spec is None or spec.bpmn_id != f"Activity_{completion.step}":
        raise SystemExit(f"engine_spiff: expected activity {completion.step}, found {spec}")
    if spec.lane != completion.role:
        raise SystemExit(f"engine_spiff: activity {completion.step} is in lane {spec.lane}")
    if completion.choice is not None:
        task.data["choice"] = completion.choice
    task.run()
    workflow.do_engine_steps()


def run(cases: int, seed: int, mode: str) -> dict[str, object]:
    xml, process_id = executable_bpmn()
    parser = BpmnParser()
    parser.add_bpmn_str(xml)
    spec = parser.get_spec(process_id)
    paths = workload.case_paths(cases, seed)
    with tempfile.TemporaryDirectory(prefix="spiff-bench-") as tmp:
        store = Store(Path(tmp) / "spiff.sqlite3")
        start, cpu = time.perf_counter(), time.process_time()
        held: dict[int, BpmnWorkflow] = {}
        for case in range(cases):
            workflow = BpmnWorkflow(spec)
            workflow.do_engine_steps()
            held[case] = workflow
        pks = {case: store.insert(held[case]) for case in range(cases)}
        open_seconds = time.perf_counter() - start
        busy, count, cpu = 0.0, 0, time.process_time()
        for case, completion in workload.rounds(paths):
            start = time.perf_counter()
            store.db.execute("BEGIN IMMEDIATE")
            workflow = store.load(pks[case]) if mode == "reload" else held[case]
            complete(workflow, completion)
            store.update(pks[case], workflow)
            store.db.execute("COMMIT")
            busy += time.perf_counter() - start
            count += 1
        cpu = time.process_time() - cpu
        size = store.db.execute("SELECT avg(length(state)) FROM workflow").fetchone()[0]
        ended = sum(store.load(pk).is_completed() for pk in pks.values())
    return {
        "engine": f"spiff ({mode})",
        "store": "sqlite",
        "cases": cases,
        "completions": count,
        "seconds": busy,
        "cpu_seconds": cpu,
        "open_seconds": open_seconds,
        "queries_per_completion": 3 if mode == "reload" else 2,
        "note": f"{ended}/{cases} workflows completed, state {size / 1024:.0f} KB a case",
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--mode", choices=("memory", "reload"), default="memory")
    args = parser.parse_args(argv)
    print(json.dumps(run(args.cases, args.seed, args.mode)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
