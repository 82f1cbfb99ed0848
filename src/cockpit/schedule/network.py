"""The precedence network of a project and the critical path method on it.

The tasks of wbs.toml become nodes of a directed acyclic graph, linear in tasks and
dependencies:

- a task without children (a leaf: task or milestone) is one node;
- a summary task is two nodes: its *gate*, which receives the summary's own `after`
  and `start_no_earlier_than` and hands them down to every task below it, and its
  *span*, which aggregates its children (start = first child start, finish = last
  child finish) and is what a dependency on the summary waits for.

Edges: a dependency (FS/SS/FF/SF with a lag) from a leaf or span to a leaf or gate; an
inheritance edge from a summary's gate to each child (leaf or child gate); an
aggregation edge from each child (leaf or child span) to the summary's span. The
parent hierarchy is a forest, so only dependencies can close a cycle: the
dependencies inside a cycle are reported and ignored, and the rest is scheduled.

Times are working-day boundaries (see calendar.py); a task of d days occupies [S, S+d).
"""

from __future__ import annotations

import heapq
from collections import deque
from collections.abc import Callable, Sequence

from cockpit.folder.fields import suggest
from cockpit.model import DependencyType, DurationUnit, Project, Task
from cockpit.model.immutable import immutable
from cockpit.schedule.calendar import WorkCalendar

FS, SS, FF, SF, INHERIT, AGGREGATE = range(6)
_TYPE_CODE = {DependencyType.FS: FS, DependencyType.SS: SS, DependencyType.FF: FF,
              DependencyType.SF: SF}
LEAF, SPAN, GATE = range(3)
INF = 1 << 40
NEG = -INF

# Kinds of problems the schedule reports; check rules map them to codes.
UNKNOWN_PREDECESSOR = "unknown_predecessor"
UNKNOWN_PARENT = "unknown_parent"
PARENT_CYCLE = "parent_cycle"
CYCLE = "cycle"
NO_DURATION = "no_duration"
ACTUALS = "actuals"


@immutable
class Problem:
    """Something in the plan the schedule could not honour; the rest is still scheduled."""

    task: str
    message: str
    kind: str
    key: str = ""  # the wbs.toml key it is about, for diagnostics' line numbers


Place = Callable[[int, int], int]
"""A levelling hook: (task index, earliest feasible start) → start actually chosen."""


class Network:
    """Nodes, edges and fixed facts of a project, ready for forward and backward passes."""

    def __init__(self, project: Project, calendar: WorkCalendar,
                 extra_start: dict[str, int] | None = None) -> None:
        self.calendar = calendar
        self.problems: list[Problem] = []
        hours = project.settings.calendar.hours_per_day or 7.0
        self.hours_per_day = hours

        # Tasks in file order. Their ids are unique: the loader reports a duplicate (F016)
        # and keeps the first; a plan built in memory keeps its first too.
        tasks: list[Task] = []
        index: dict[str, int] = {}
        for task in project.tasks:
            if task.id not in index:
                index[task.id] = len(tasks)
                tasks.append(task)
        self.tasks = tasks
        self.index = index
        n = len(tasks)
        self.n = n

        self.parent = self._parents()
        children: list[list[int]] = [[] for _ in range(n)]
        for i, p in enumerate(self.parent):
            if p >= 0:
                children[p].append(i)
        self.children = children
        self.is_summary = [bool(c) for c in children]

        # Durations in whole working days (0 for milestones and summaries).
        duration = [0] * n
        for i, task in enumerate(tasks):
            if self.is_summary[i] or task.milestone:
                continue
            if task.duration is None:
                self.problems.append(Problem(task.id, f"la tâche « {task.id} » n'a pas de durée : "
                                             "elle est planifiée comme un jalon (0 jour)",
                                             NO_DURATION, "duration"))
                continue
            # The loader refuses a negative duration (F009).
            duration[i] = max(task.duration.working_days(hours), 0)
        self.duration = duration

        # Nodes: node i is task i (leaf, or the span of a summary); gates follow.
        kind = [SPAN if s else LEAF for s in self.is_summary]
        task_of = list(range(n))
        gate = [-1] * n
        for i in range(n):
            if self.is_summary[i]:
                gate[i] = len(kind)
                kind.append(GATE)
                task_of.append(i)
        self.kind = kind
        self.task_of = task_of
        self.gate = gate
        nodes = len(kind)
        self.nodes = nodes

        e_src: list[int] = []
        e_dst: list[int] = []
        e_kind: list[int] = []
        e_lag: list[int] = []
        for i in range(n):
            p = self.parent[i]
            if p < 0:
                continue
            # inheritance: parent gate → child (leaf, or child's gate)
            e_src.append(gate[p])
            e_dst.append(gate[i] if self.is_summary[i] else i)
            e_kind.append(INHERIT)
            e_lag.append(0)
            # aggregation: child (leaf or span) → parent span
            e_src.append(i)
            e_dst.append(p)
            e_kind.append(AGGREGATE)
            e_lag.append(0)
        for i, task in enumerate(tasks):
            target = gate[i] if self.is_summary[i] else i
            for dep in task.after:
                j = index.get(dep.task)
                if j is None:
                    self.problems.append(Problem(
                        task.id, f"« {task.id} » dépend de « {dep.task} », qui n'existe pas : "
                        f"cette dépendance est ignorée{suggest(dep.task, index)}",
                        UNKNOWN_PREDECESSOR, "after"))
                    continue
                amount = dep.lag.amount
                if dep.lag.unit is DurationUnit.DAY and amount == int(amount):
                    lag = int(amount)  # the common case, without the general conversion
                else:
                    lag = dep.lag.working_days(hours)
                e_src.append(j)  # a leaf, or the span of a summary
                e_dst.append(target)
                e_kind.append(_TYPE_CODE[dep.type])
                e_lag.append(lag)
        self.e_src = e_src
        self.e_dst = e_dst
        self.e_kind = e_kind
        self.e_lag = e_lag
        self.enabled = [True] * len(e_src)

        # Constraints and facts, in boundaries.
        snet = [0] * nodes
        for i, task in enumerate(tasks):
            if task.start_no_earlier_than is not None:
                node = gate[i] if self.is_summary[i] else i
                snet[node] = max(0, calendar.boundary(task.start_no_earlier_than))
            if extra_start and task.id in extra_start and not self.is_summary[i]:
                snet[i] = max(snet[i], extra_start[task.id])
        self.snet = snet
        self.fixed_start: dict[int, int] = {}
        self.fixed_finish: dict[int, int] = {}
        self._facts()
        self.task_deadline: dict[int, int] = {}
        for i, task in enumerate(tasks):
            due = task.deadline
            if due is not None:
                self.task_deadline[i] = calendar.boundary_after(due)

        self.order = self._order()

    # -- structure ---------------------------------------------------------------------

    def _parents(self) -> list[int]:
        """Parent index of each task, -1 at top level; unknown parents and cycles are cut."""
        parent = [-1] * len(self.tasks)
        for i, task in enumerate(self.tasks):
            if not task.parent:
                continue
            p = self.index.get(task.parent)
            if p is None:
                self.problems.append(Problem(task.id, f"la tâche parente « {task.parent} » de "
                                             f"« {task.id} » n'existe pas : la tâche est placée "
                                             "au premier niveau"
                                             f"{suggest(task.parent, self.index)}",
                                             UNKNOWN_PARENT, "parent"))
            elif p == i:
                self.problems.append(Problem(task.id, f"« {task.id} » est sa propre tâche "
                                             "parente", PARENT_CYCLE, "parent"))
            else:
                parent[i] = p
        # Cut cycles in the parent chains: the task where a loop is found goes to the top.
        state = [0] * len(parent)  # 0 unseen, 1 on the current chain, 2 done
        for start in range(len(parent)):
            chain: list[int] = []
            i = start
            while i >= 0 and state[i] == 0:
                state[i] = 1
                chain.append(i)
                i = parent[i]
            if i >= 0 and state[i] == 1:
                loop = chain[chain.index(i):]
                names = " → ".join(self.tasks[k].id for k in [*loop, i])
                cut = self.tasks[loop[-1]].id
                self.problems.append(Problem(cut, f"hiérarchie circulaire : {names} (« {cut} » "
                                             "est placée au premier niveau)", PARENT_CYCLE,
                                             "parent"))
                parent[loop[-1]] = -1
            for k in chain:
                state[k] = 2
        return parent

    def _facts(self) -> None:
        cal = self.calendar
        day0 = cal.day(0)
        for i, task in enumerate(self.tasks):
            if self.is_summary[i]:
                continue
            start, finish = task.actual_start, task.actual_finish
            if start is None and finish is None:
                continue
            d = self.duration[i]
            if d == 0:
                # A milestone is reached at the end of its day; at or before day 0 it is B = 0.
                when = finish or start
                assert when is not None
                b = 0 if when <= day0 else cal.boundary_after(when)
                self.fixed_start[i] = self.fixed_finish[i] = b
                continue
            s = cal.boundary(start) if start is not None else None
            f = cal.boundary_after(finish) if finish is not None else None
            if s is not None and f is not None and f < s:
                self.problems.append(Problem(task.id, f"« {task.id} » finit ({finish}) avant "
                                             f"d'avoir commencé ({start})", ACTUALS,
                                             "actual_finish"))
                f = s
            if s is None:
                assert f is not None
                s = f - d
            if f is None:
                f = s + d
            self.fixed_start[i] = s
            self.fixed_finish[i] = f

    def _order(self) -> list[int]:
        """Kahn's topological order; cycles are named, their dependencies dropped."""
        order = self._kahn()
        if len(order) < self.nodes:
            self._break_cycles(set(range(self.nodes)) - set(order))
            order = self._kahn()
        return order

    def _adjacency(self) -> tuple[list[list[int]], list[list[int]]]:
        out: list[list[int]] = [[] for _ in range(self.nodes)]
        into: list[list[int]] = [[] for _ in range(self.nodes)]
        for e, (s, d) in enumerate(zip(self.e_src, self.e_dst, strict=True)):
            if self.enabled[e]:
                out[s].append(e)
                into[d].append(e)
        return out, into

    def _kahn(self) -> list[int]:
        out, into = self._adjacency()
        self.out_edges, self.in_edges = out, into
        indegree = [len(x) for x in into]
        dst = self.e_dst
        queue = deque(u for u in range(self.nodes) if indegree[u] == 0)
        order: list[int] = []
        while queue:
            u = queue.popleft()
            order.append(u)
            for e in out[u]:
                v = dst[e]
                indegree[v] -= 1
                if indegree[v] == 0:
                    queue.append(v)
        return order

    def priority_order(self, key: Sequence[tuple[int, ...]]) -> list[int]:
        """A topological order that, among ready nodes, takes the smallest `key` first."""
        out, into = self.out_edges, self.in_edges
        indegree = [len(x) for x in into]
        dst = self.e_dst
        heap = [(key[u], u) for u in range(self.nodes) if indegree[u] == 0]
        heapq.heapify(heap)
        order: list[int] = []
        while heap:
            _, u = heapq.heappop(heap)
            order.append(u)
            for e in out[u]:
                v = dst[e]
                indegree[v] -= 1
                if indegree[v] == 0:
                    heapq.heappush(heap, (key[v], v))
        return order

    def _break_cycles(self, remaining: set[int]) -> None:
        out, _ = self._adjacency()
        for component in _strongly_connected(remaining, out, self.e_dst):
            members = set(component)
            inner = [e for u in component for e in out[u] if self.e_dst[e] in members]
            if len(component) == 1 and not inner:
                continue
            cycle = _find_cycle(min(component), members, out, self.e_dst)
            names: list[str] = []
            for node in cycle:
                name = self.tasks[self.task_of[node]].id
                if not names or names[-1] != name:
                    names.append(name)
            if len(names) == 1:  # a task after itself
                names.append(names[0])
            first = min(self.task_of[u] for u in component)
            self.problems.append(Problem(
                self.tasks[first].id, "dépendances circulaires : " + " → ".join(names)
                + " (chaque tâche attend la précédente) ; ces dépendances sont ignorées",
                CYCLE, "after"))
            for e in inner:
                if self.e_kind[e] <= SF:
                    self.enabled[e] = False

    # -- passes ------------------------------------------------------------------------

    def forward(self, order: Sequence[int], place: Place | None = None
                ) -> tuple[list[int], list[int]]:
        """Early start and finish of every node (gates hold their start and finish limits)."""
        nodes = self.nodes
        es = [0] * nodes
        ef = [0] * nodes
        kind, snet, duration = self.kind, self.snet, self.duration
        in_edges, e_src, e_kind, e_lag = self.in_edges, self.e_src, self.e_kind, self.e_lag
        fixed_start, fixed_finish = self.fixed_start, self.fixed_finish
        for u in order:
            k = kind[u]
            if k == SPAN:
                es[u], ef[u] = _span(in_edges[u], e_src, es, ef)
                continue
            sl = snet[u]
            fl = NEG
            for e in in_edges[u]:
                p = e_src[e]
                t = e_kind[e]
                if t == FS:
                    v = ef[p] + e_lag[e]
                    if v > sl:
                        sl = v
                elif t == SS:
                    v = es[p] + e_lag[e]
                    if v > sl:
                        sl = v
                elif t == FF:
                    v = ef[p] + e_lag[e]
                    if v > fl:
                        fl = v
                elif t == SF:
                    v = es[p] + e_lag[e]
                    if v > fl:
                        fl = v
                else:  # INHERIT from the parent gate
                    if es[p] > sl:
                        sl = es[p]
                    if ef[p] > fl:
                        fl = ef[p]
            if k == GATE:
                es[u], ef[u] = sl, fl
                continue
            if u in fixed_start:
                es[u], ef[u] = fixed_start[u], fixed_finish[u]
                continue
            d = duration[u]
            s = sl if sl >= fl - d else fl - d
            if place is not None:
                s = place(u, s)
            es[u], ef[u] = s, s + d
        return es, ef

    def backward(self, order: Sequence[int], es: list[int], ef: list[int], anchor: int
                 ) -> tuple[list[int], list[int], list[int]]:
        """Late start and finish of every node, and the free float of leaves and spans."""
        nodes = self.nodes
        kind, e_src, e_kind, e_lag = self.kind, self.e_src, self.e_kind, self.e_lag
        in_edges = self.in_edges
        lf_limit = [anchor] * nodes
        ls_limit = [INF] * nodes
        room_f = [INF] * nodes  # the latest finish the successors' early dates allow
        room_s = [INF] * nodes  # the latest start they allow
        # Gates: the tightest late / early dates among the tasks below them.
        g_ls = [INF] * nodes
        g_lf = [INF] * nodes
        g_es = [INF] * nodes
        g_ef = [INF] * nodes
        ls = [0] * nodes
        lf = [0] * nodes
        for i, due in self.task_deadline.items():
            if due < lf_limit[i]:
                lf_limit[i] = due
        for u in reversed(order):
            k = kind[u]
            if k == SPAN:
                lfu, lsu, rfu, rsu = lf_limit[u], ls_limit[u], room_f[u], room_s[u]
                for e in in_edges[u]:
                    c = e_src[e]
                    if lfu < lf_limit[c]:
                        lf_limit[c] = lfu
                    if rfu < room_f[c]:
                        room_f[c] = rfu
                    if es[c] == es[u]:  # only the first child carries the summary's start
                        if lsu < ls_limit[c]:
                            ls_limit[c] = lsu
                        if rsu < room_s[c]:
                            room_s[c] = rsu
                continue
            if k == GATE:
                lsu, lfu, esu, efu = g_ls[u], g_lf[u], g_es[u], g_ef[u]
            else:
                d = ef[u] - es[u]
                lfu = lf_limit[u]
                if ls_limit[u] + d < lfu:
                    lfu = ls_limit[u] + d
                lsu = lfu - d
                ls[u], lf[u] = lsu, lfu
                esu, efu = es[u], ef[u]
            for e in in_edges[u]:
                p = e_src[e]
                t = e_kind[e]
                if t == INHERIT:
                    if lsu < g_ls[p]:
                        g_ls[p] = lsu
                    if lfu < g_lf[p]:
                        g_lf[p] = lfu
                    if esu < g_es[p]:
                        g_es[p] = esu
                    if efu < g_ef[p]:
                        g_ef[p] = efu
                    continue
                lag = e_lag[e]
                if t == FS:
                    if lsu - lag < lf_limit[p]:
                        lf_limit[p] = lsu - lag
                    if esu - lag < room_f[p]:
                        room_f[p] = esu - lag
                elif t == SS:
                    if lsu - lag < ls_limit[p]:
                        ls_limit[p] = lsu - lag
                    if esu - lag < room_s[p]:
                        room_s[p] = esu - lag
                elif t == FF:
                    if lfu - lag < lf_limit[p]:
                        lf_limit[p] = lfu - lag
                    if efu - lag < room_f[p]:
                        room_f[p] = efu - lag
                else:  # SF
                    if lfu - lag < ls_limit[p]:
                        ls_limit[p] = lfu - lag
                    if efu - lag < room_s[p]:
                        room_s[p] = efu - lag
        # Summaries: late dates span their children's.
        for u in order:
            if kind[u] == SPAN:
                ls[u], lf[u] = _span(in_edges[u], e_src, ls, lf)
        project_finish = max((ef[i] for i in range(self.n)), default=0)
        free = [0] * self.n
        for i in range(self.n):
            # Never more than the project's finish allows: with successors clamped at
            # boundary 0 (negative lags), their slack alone could exceed it.
            free[i] = min(room_f[i] - ef[i], room_s[i] - es[i], project_finish - ef[i])
        return ls, lf, free


def _span(edges: list[int], src: list[int], starts: list[int], finishes: list[int]
          ) -> tuple[int, int]:
    """A summary's span: its first child's start and its last child's finish."""
    children = [src[e] for e in edges]
    return min(starts[c] for c in children), max(finishes[c] for c in children)


def _strongly_connected(nodes: set[int], out: list[list[int]], dst: list[int]
                        ) -> list[list[int]]:
    """Tarjan's algorithm, iterative, restricted to `nodes`."""
    index: dict[int, int] = {}
    low: dict[int, int] = {}
    on_stack: set[int] = set()
    stack: list[int] = []
    result: list[list[int]] = []
    counter = 0
    for root in sorted(nodes):
        if root in index:
            continue
        work: list[tuple[int, int]] = [(root, 0)]
        while work:
            v, pos = work.pop()
            if pos == 0:
                index[v] = low[v] = counter
                counter += 1
                stack.append(v)
                on_stack.add(v)
            edges = out[v]
            recurse = False
            while pos < len(edges):
                w = dst[edges[pos]]
                pos += 1
                if w not in nodes:
                    continue
                if w not in index:
                    work.append((v, pos))
                    work.append((w, 0))
                    recurse = True
                    break
                if w in on_stack:
                    low[v] = min(low[v], index[w])
            if recurse:
                continue
            if low[v] == index[v]:
                component: list[int] = []
                while True:
                    w = stack.pop()
                    on_stack.discard(w)
                    component.append(w)
                    if w == v:
                        break
                result.append(component)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[v])
    return result


def _find_cycle(start: int, members: set[int], out: list[list[int]], dst: list[int]
                ) -> list[int]:
    """A shortest cycle through `start` inside a strongly connected component."""
    previous: dict[int, int] = {}
    queue = deque([start])
    while queue:
        u = queue.popleft()
        for e in out[u]:
            v = dst[e]
            if v not in members:
                continue
            if v == start:
                path = [u]
                while path[-1] != start:
                    path.append(previous[path[-1]])
                return [*reversed(path), start]
            if v not in previous:
                previous[v] = u
                queue.append(v)
    return [start, start]
