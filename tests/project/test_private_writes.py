"""No hand in another package's pockets: no module of the package writes a private attribute (a
name that starts with `_`, not a dunder) of an object other than the `self` or `cls` of the
class whose method it is in, and no class of ours writes a private part of a base class from
another package. A library's private attributes change without notice; a response whose
`_content` we set once broke with nothing to say so.

A write is an assignment (`response._content = ...`, augmented, annotated, or one element of a
tuple assigned), a `del`, `setattr(obj, "_x", ...)`, `delattr`, `object.__setattr__(obj, "_x",
...)`, and `obj.__dict__["_x"] = ...` or `vars(obj)["_x"] = ...`. The `self` or `cls` allowed
is the first parameter of the method the write is in (or in a function nested in it); a static
method has none. So `store._claim = ...` in the Store's own classmethod is refused too: the
attribute is set where the object is made (`cls(path, conn, claim)`).

On `self`, a class of ours may still write into the pockets of a base class from another
package: its `self._x` (or a method or class attribute `_x` it defines) may be a private part of
that base, found at run time in the base's own namespace, its `__slots__` and the `self._x` its
source assigns. One such base is allowed: Textual's, for the names tui/textual_private.py
declares (the DataTable methods RowTable overrides, `OVERRIDDEN`, and the table state it reads
and sets in them, `TABLE_STATE`), because tests/tui/test_textual_private.py pins each on the
Textual of constraints.txt, so an upgrade that renames one fails there by its name. That module
is the one home by declaration, not a place where a write goes unchecked: a write there on an
object other than `self` is refused as anywhere else; the reads and calls it exists for
(`table._clear_caches()`, `active_app`) write nothing. Classes made inside a function are not
looked up at run time (the package has none)."""

from __future__ import annotations

import ast
import functools
import importlib
import inspect
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from catalyst_tui.tui import textual_private
from tests.support.source_trees import SOURCE_GROUP, modules, tree

SOURCE = Path(__file__).resolve().parents[2] / "src" / "catalyst_tui"
PACKAGE = "catalyst_tui"
#: The private parts of Textual a class of ours may write on `self` (override or set).
TEXTUAL_DECLARED = frozenset(textual_private.OVERRIDDEN) | frozenset(textual_private.TABLE_STATE)
_WRITERS = {"setattr", "delattr"}
_DUNDER_WRITERS = {"__setattr__", "__delattr__"}


def private(name: str) -> bool:
    """`_x` and `__x`, not `__x__` (a dunder is the language's, not a package's)."""
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _named(node: ast.expr | None) -> str:
    """The attribute a `setattr`-like call names, when it is written out ("" otherwise)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return ""


class _Writes(ast.NodeVisitor):
    """Every write of a private attribute in a module, with whether its receiver is the `self`
    or `cls` of the method it is in."""

    def __init__(self) -> None:
        self.path: list[ast.AST] = []
        self.found: list[tuple[int, str, str, bool]] = []  # line, receiver, name, own

    def visit(self, node: ast.AST) -> None:
        self.path.append(node)
        super().visit(node)
        self.path.pop()

    def _own(self) -> set[str]:
        """The first parameter of the method the visit is in: its `self` or `cls`."""
        for node, parent in zip(self.path[:0:-1], self.path[-2::-1], strict=False):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and isinstance(
                parent, ast.ClassDef
            ):
                static = any(ast.unparse(d) == "staticmethod" for d in node.decorator_list)
                first = (node.args.posonlyargs + node.args.args)[:1]
                return set() if static or not first else {first[0].arg}
        return set()

    def _write(self, node: ast.AST, receiver: ast.expr, name: str) -> None:
        if private(name):
            own = isinstance(receiver, ast.Name) and receiver.id in self._own()
            self.found.append((getattr(node, "lineno", 0), ast.unparse(receiver), name, own))

    def _target(self, node: ast.AST, target: ast.expr) -> None:
        if isinstance(target, ast.Attribute):
            self._write(node, target.value, target.attr)
        elif isinstance(target, ast.Tuple | ast.List):
            for element in target.elts:
                self._target(node, element)
        elif isinstance(target, ast.Starred):
            self._target(node, target.value)
        elif isinstance(target, ast.Subscript) and (key := _named(target.slice)):
            holder = target.value  # obj.__dict__[...] or vars(obj)[...]
            if isinstance(holder, ast.Attribute) and holder.attr == "__dict__":
                self._write(node, holder.value, key)
            elif isinstance(holder, ast.Call) and ast.unparse(holder.func) == "vars":
                self._write(node, holder.args[0] if holder.args else holder, key)

    def visit_Assign(self, node: ast.Assign) -> None:
        for target in node.targets:
            self._target(node, target)
        self.generic_visit(node)

    def visit_AugAssign(self, node: ast.AugAssign) -> None:
        self._target(node, node.target)
        self.generic_visit(node)

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        self._target(node, node.target)
        self.generic_visit(node)

    def visit_Delete(self, node: ast.Delete) -> None:
        for target in node.targets:
            self._target(node, target)
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        func, args = node.func, node.args
        if isinstance(func, ast.Name) and func.id in _WRITERS and len(args) >= 2:
            self._write(node, args[0], _named(args[1]))
        elif isinstance(func, ast.Attribute) and func.attr in _DUNDER_WRITERS and args:
            if ast.unparse(func.value) in ("object", "type") and len(args) >= 2:
                self._write(node, args[0], _named(args[1]))  # object.__setattr__(obj, "_x", v)
            else:
                self._write(node, func.value, _named(args[0]))  # obj.__setattr__("_x", v)
        self.generic_visit(node)


def private_writes(module: ast.Module) -> list[tuple[int, str, str, bool]]:
    """Each write of a private attribute: its line, its receiver as written, the attribute, and
    whether the receiver is the `self` or `cls` of the method it is in."""
    visitor = _Writes()
    visitor.visit(module)
    return visitor.found


def foreign_writes(module: ast.Module) -> list[str]:
    """`line: receiver.name` of each write on another object than the method's own."""
    return [f"{line}: {who}.{name}" for line, who, name, own in private_writes(module) if not own]


def _classes(body: list[ast.stmt], prefix: str = "") -> Iterator[tuple[str, ast.ClassDef]]:
    """The classes of a module (and the classes in them), each with its qualified name."""
    for node in body:
        if isinstance(node, ast.ClassDef):
            yield prefix + node.name, node
            yield from _classes(node.body, f"{prefix}{node.name}.")


def own_private_names(node: ast.ClassDef) -> set[str]:
    """The private names a class writes on itself: `self._x = ...` in its methods, and the
    methods and class attributes `_x` its body defines."""
    written = {name for _, _, name, own in private_writes(ast.Module([node], [])) if own}
    for statement in node.body:
        if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef):
            written.add(statement.name)
        targets = statement.targets if isinstance(statement, ast.Assign) else []
        if isinstance(statement, ast.AnnAssign):
            targets = [statement.target]
        written |= {t.id for t in targets if isinstance(t, ast.Name)}
    return {name for name in written if private(name)}


@functools.cache
def _classes_in(filename: str) -> dict[str, ast.ClassDef]:
    """The classes of a module's source file by qualified name, the file parsed once."""
    try:
        return dict(_classes(ast.parse(Path(filename).read_bytes()).body))
    except (OSError, SyntaxError, ValueError):
        return {}


@functools.cache
def privates_of(base: type) -> frozenset[str]:
    """A class's own private names: in its namespace, its `__slots__`, and the `self._x` its
    source assigns (a class without Python source: its namespace alone)."""
    names = {name for name in vars(base) if private(name)}
    slots = vars(base).get("__slots__", ())
    names |= {s for s in ([slots] if isinstance(slots, str) else slots) if private(s)}
    try:
        filename = inspect.getsourcefile(base)
    except TypeError:  # a built-in class
        filename = None
    node = _classes_in(filename).get(base.__qualname__) if filename else None
    for found in ast.walk(node) if node else ():
        if (
            isinstance(found, ast.Attribute)
            and isinstance(found.ctx, ast.Store)
            and isinstance(found.value, ast.Name)
            and found.value.id == "self"
            and private(found.attr)
        ):
            names.add(found.attr)
    return frozenset(names)


def into_foreign_bases(klass: type, written: set[str]) -> dict[str, str]:
    """Of `written`, the private parts of a base class from another package, with its module;
    Textual's declared in tui/textual_private.py left out."""
    found: dict[str, str] = {}
    for base in klass.__mro__[1:]:
        if base is object or base.__module__.split(".")[0] == PACKAGE:
            continue
        for name in written & privates_of(base):
            declared = base.__module__.split(".")[0] == "textual" and name in TEXTUAL_DECLARED
            if not declared:
                found.setdefault(name, base.__module__)
    return found


def _module_name(path: Path) -> str:
    parts = path.relative_to(SOURCE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@SOURCE_GROUP
def test_no_module_writes_a_private_attribute_of_another_object():
    found = {
        str(path.relative_to(SOURCE)): writes
        for path in modules(SOURCE)
        if (writes := foreign_writes(tree(path)))
    }
    assert found == {}, "set it through the owner's public API, or where the object is made"


@SOURCE_GROUP
def test_no_class_writes_a_private_part_of_a_base_from_another_package():
    found: dict[str, dict[str, str]] = {}
    for path in modules(SOURCE):
        classes = [(q, n) for q, n in _classes(tree(path).body) if own_private_names(n)]
        if not any(node.bases for _, node in classes):
            continue
        module = importlib.import_module(_module_name(path))
        for qualname, node in classes:
            klass: Any = module
            for part in qualname.split("."):
                klass = getattr(klass, part)
            if theirs := into_foreign_bases(klass, own_private_names(node)):
                found[f"{_module_name(path)}.{qualname}"] = theirs
    assert found == {}, "name a Textual part in tui/textual_private.py, pinned by its test"


def test_the_textual_parts_allowed_are_the_ones_rowtable_writes():
    """The allowance is what the TUI needs: RowTable's overrides and the state it sets."""
    from catalyst_tui.tui.widgets.table import RowTable

    path = SOURCE / "tui" / "widgets" / "table.py"
    [node] = [n for q, n in _classes(tree(path).body) if q == "RowTable"]
    written = own_private_names(node)
    assert set(textual_private.OVERRIDDEN) <= written
    assert "_require_update_dimensions" in written
    from textual.widgets import DataTable

    assert written & privates_of(DataTable) <= TEXTUAL_DECLARED
    assert into_foreign_bases(RowTable, written) == {}


def _found(code: str) -> list[str]:
    return foreign_writes(ast.parse(textwrap.dedent(code)))


def test_the_rule_finds_each_way_of_writing():
    assert _found(
        """
        response._content = body
        response._content_consumed = True
        counter._n += 1
        holder._a, (other._b, *rest._c) = 1, (2, 3)
        del obj._x
        setattr(obj, "_x", 1)
        delattr(obj, "_x")
        object.__setattr__(obj, "_x", 1)
        obj.__setattr__("_x", 1)
        obj.__dict__["_x"] = 1
        vars(obj)["_x"] = 1
        self._x = 1
        """
    ) == [
        "2: response._content",
        "3: response._content_consumed",
        "4: counter._n",
        "5: holder._a",
        "5: other._b",
        "5: rest._c",
        "6: obj._x",
        "7: obj._x",
        "8: obj._x",
        "9: obj._x",
        "10: obj._x",
        "11: obj._x",
        "12: obj._x",
        "13: self._x",  # a `self` outside a class is any object
    ]


def test_the_rule_lets_a_class_write_its_own_and_public_attributes():
    assert _found(
        """
        class Mine:
            def __init__(self, other):
                self._x = 1
                object.__setattr__(self, "_y", 2)
                other.public = 3
                other.__doc__ = "a dunder is the language's"

                def later():
                    self._z = 4

            @classmethod
            def make(cls):
                cls._count = 1
                made = cls()
                made._x = 2

            @staticmethod
            def helper(self):
                self._x = 3
        """
    ) == ["16: made._x", "20: self._x"]


def test_the_rule_finds_a_write_into_a_foreign_base():
    import threading

    class Worker(threading.Thread):  # threading.Thread keeps its target in self._target
        def run(self) -> None: ...

    source = ast.parse("class Worker:\n    def __init__(self):\n        self._target = None\n")
    [(_, klass)] = _classes(source.body)
    assert into_foreign_bases(Worker, own_private_names(klass)) == {"_target": "threading"}
    assert into_foreign_bases(Worker, {"_mine"}) == {}
