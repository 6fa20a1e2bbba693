"""The layering of kerax's packages, written once: a module may import only its own package and packages below
it. Every import is read, also those inside functions; one inside a function must break a real cycle and say so
in a comment on its line."""
import ast
import pathlib

KERAX = pathlib.Path(__file__).resolve().parents[2] / "kerax"

# Bottom to top. A package may import the packages before it in this list, never those after it.
LAYERS = (
    "version", "tree", "console",         # plain Python and NumPy
    "backend",                            # the engine seam (only backend/<engine>/ imports the engine)
    "ops",                                # ops and the functional graph's Operation / Node
    "serialization",                      # the object registry every package registers into
    "distribution",                       # device meshes, layouts, the current distribution
    "random", "initializers", "activations", "constraints", "regularizers", "dtype_policies",
    "quantizers",                         # quantization functions and configs (used by layers' quantize)
    "data",                               # kerax.data.Dataset
    "losses", "metrics", "optimizers",
    "layers",
    "callbacks",
    "trainers",                           # compile / fit / evaluate / predict
    "saving",                             # file formats (model classes found through the registry)
    "models",                             # Model, Functional, Sequential
    "distribute",                         # tf.distribute's strategies (on kerax.distribution)
    "mixed_precision",                    # policies and LossScaleOptimizer, one namespace
    "estimator",                          # tf.keras's model_to_estimator over fit
    "utils", "datasets", "preprocessing", "experimental", "compat", "train",  # public high-level namespaces
    "applications",                       # keras.applications: model builders, ImageNet weights (uses utils)
    "export",                             # keras.export: ExportArchive (implemented in saving/)
    "__init__",                           # kerax/__init__.py: re-exports
)
RANK = {name: i for i, name in enumerate(LAYERS)}
# Within backend/, only the engine packages import an engine, and common/ imports no engine package.
ENGINE_PACKAGES = ("jax",)


def package_of(module):
    """'kerax.layers.core.dense' -> 'layers'; 'kerax' -> '__init__'."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def module_name(path, root=KERAX):
    relative = path.relative_to(root.parent).with_suffix("")
    parts = list(relative.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def imports_of(path):
    """(line number, imported kerax module, is inside a function, source line) for every kerax import."""
    source = path.read_text()
    lines = source.splitlines()
    tree = ast.parse(source)
    found = []

    def visit(node, in_function):
        for child in ast.iter_child_nodes(node):
            nested = in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
            names = []
            if isinstance(child, ast.Import):
                names = [alias.name for alias in child.names]
            elif isinstance(child, ast.ImportFrom) and child.level == 0 and child.module:
                names = [child.module]
                if child.module == "kerax":
                    names = [f"kerax.{alias.name}" for alias in child.names]
            for name in names:
                if name == "kerax" or name.startswith("kerax."):
                    found.append((child.lineno, name, in_function, lines[child.lineno - 1]))
            visit(child, nested)

    visit(tree, False)
    return found


def all_modules():
    return sorted(KERAX.rglob("*.py"))


def upward_imports(path, root=KERAX):
    own = package_of(module_name(path, root))
    problems = []
    for line, imported, in_function, text in imports_of(path):
        if in_function and "# cycle:" in text:
            continue  # a named cycle-breaker (see the next test)
        target = package_of(imported)
        if target not in RANK:
            problems.append(f"{path.relative_to(root.parent)}:{line} imports {imported}: package {target!r} "
                            "is not in the LAYERS table")
        elif RANK[target] > RANK[own]:
            problems.append(f"{path.relative_to(root.parent)}:{line} ({own}) imports {imported} ({target}), "
                            "which is above it")
    return problems


def test_every_package_is_in_the_table():
    packages = {p.name for p in KERAX.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    packages |= {p.stem for p in KERAX.glob("*.py")}
    assert packages - set(LAYERS) == set(), "add new packages to LAYERS"


def test_imports_only_go_downward():
    problems = [problem for path in all_modules() for problem in upward_imports(path)]
    assert problems == [], "\n".join(problems)


def test_imports_inside_functions_break_a_named_cycle():
    unexplained = [
        f"{path.relative_to(KERAX.parent)}:{line}: {text.strip()}"
        for path in all_modules() for line, _, in_function, text in imports_of(path)
        if in_function and "# cycle:" not in text
    ]
    assert unexplained == [], "\n".join(unexplained)


def test_only_the_engine_packages_import_an_engine():
    offenders = []
    for path in all_modules():
        relative = path.relative_to(KERAX)
        inside_engine = relative.parts[0] == "backend" and len(relative.parts) > 2 and \
            relative.parts[1] in ENGINE_PACKAGES
        source = ast.parse(path.read_text())
        for node in ast.walk(source):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module] if isinstance(node, ast.ImportFrom) and node.module else [])
            if any(n.split(".")[0] in ("jax", "jaxlib", "torch") for n in names) and not inside_engine:
                offenders.append(str(relative))
    assert offenders == []


def test_the_check_sees_an_upward_import(tmp_path):
    """The check itself can fail: a backend module importing layers (at the top and in a function) is reported."""
    fake_root = tmp_path / "kerax"
    (fake_root / "backend").mkdir(parents=True)
    offender = fake_root / "backend" / "offender.py"
    offender.write_text("from kerax.layers import Dense\n\n\ndef f():\n    from kerax import models\n")
    assert len(upward_imports(offender, fake_root)) == 2


def test_operation_is_the_base_of_layers_and_op_calls():
    import kerax

    x = kerax.Input((3,))
    y = kerax.ops.exp(kerax.layers.Dense(2)(x))
    model = kerax.Model(x, y)
    assert all(isinstance(op, kerax.Operation) for op in model.operations)
    assert [type(op).__name__ for op in model.operations] == ["InputLayer", "Dense", "SymbolicOp"]
    assert [type(layer).__name__ for layer in model.layers] == ["InputLayer", "Dense"]


def test_layers_serialize_and_deserialize_in_keras_format():
    import kerax

    config = kerax.layers.serialize(kerax.layers.Dense(3, activation="relu", name="d"))
    assert config["module"] == "keras.layers" and config["class_name"] == "Dense"
    rebuilt = kerax.layers.deserialize({"class_name": "Dense", "config": {"units": 4, "name": "old"}})
    assert (type(rebuilt).__name__, rebuilt.units, rebuilt.name) == ("Dense", 4, "old")


def test_top_level_base_classes_and_backend_helpers():
    import kerax

    assert issubclass(kerax.losses.MeanSquaredError, kerax.Loss)
    assert issubclass(kerax.metrics.AUC, kerax.Metric) and issubclass(kerax.optimizers.Adam, kerax.Optimizer)
    assert isinstance(kerax.initializers.get("ones"), kerax.Initializer)
    assert isinstance(kerax.regularizers.get("l2"), kerax.Regularizer)
    assert [kerax.backend.get_uid("uid_test") for _ in range(3)] == [1, 2, 3]
    assert kerax.backend.is_float_dtype("bfloat16") and not kerax.backend.is_float_dtype("int8")
    assert kerax.backend.is_int_dtype("uint8") and not kerax.backend.is_int_dtype("float32")
