import re
import xml.etree.ElementTree as ElementTree

import pytest

import kerax
from kerax import layers, utils
from kerax.utils import model_visualization


def branched_model():
    """x -> a (relu) and b, added, then a nested functional model `inner`."""
    inner_in = kerax.Input((8,), name="inner_in")
    inner = kerax.Model(inner_in, layers.Dense(4, name="inner_dense")(inner_in), name="inner")
    x = kerax.Input((8,), name="x")
    a = layers.Dense(8, activation="relu", name="a")(x)
    b = layers.Dense(8, name="b")(x)
    return kerax.Model(x, inner(layers.Add(name="add")([a, b])), name="outer")


def parse(dot):
    """{node name: label} and the set of (source name, destination name) edges, read from the DOT text."""
    text = dot.to_string()
    labels = dict(re.findall(r'^(\d+) \[label=<(.*?)>, fontname', text, flags=re.M))
    names = {node_id: re.search(r"<b>(.*?)</b>", label).group(1) for node_id, label in labels.items()}
    edges = {(names[a], names[b]) for a, b in re.findall(r"^(\d+) -> (\d+)", text, flags=re.M)}
    return {names[i]: label for i, label in labels.items()}, edges, text


def test_dot_nodes_and_edges_of_a_branch_and_a_nested_model():
    labels, edges, text = parse(utils.model_to_dot(branched_model()))
    assert set(labels) == {"x", "a", "b", "add", "inner"}
    assert edges == {("x", "a"), ("x", "b"), ("a", "add"), ("b", "add"), ("add", "inner")}
    assert "<b>a</b> (Dense)" in labels["a"] and "<b>inner</b> (Functional)" in labels["inner"]
    assert "rankdir=TB;" in text and "dpi=200;" in text and "node [shape=record];" in text


def test_expanded_nested_model_is_a_cluster_wired_to_its_own_layers():
    labels, edges, text = parse(utils.model_to_dot(branched_model(), expand_nested=True, rankdir="LR"))
    assert "subgraph cluster_inner" in text and "style=dashed;" in text and "rankdir=LR;" in text
    assert "inner" not in labels and {"inner_in", "inner_dense"} <= set(labels)
    assert ("add", "inner_in") in edges and ("inner_in", "inner_dense") in edges


def test_labels_show_shapes_dtype_activation_and_trainability():
    model = branched_model()
    model.get_layer("b").trainable = False
    labels, _, _ = parse(utils.model_to_dot(model, show_shapes=True, show_dtype=True,
                                            show_layer_activations=True, show_trainable=True))
    assert "Input shape: <b>[(None, 8), (None, 8)]</b>" in labels["add"]
    assert "Output shape: <b>(None, 8)</b>" in labels["add"] and "Output dtype: <b>float32</b>" in labels["a"]
    assert "Activation: <b>relu</b>" in labels["a"] and "Input shape" not in labels["x"]
    assert "<b>Trainable</b>" in labels["a"] and "<b>Non-trainable</b>" in labels["b"]
    assert "<b>Trainable</b>" not in labels["add"]  # no weights, no trainability cell


def test_sequential_is_a_chain_and_plot_model_writes_svg_png_pdf(tmp_path):
    model = kerax.Sequential([layers.Input((3,)), layers.Dense(4, name="d1"), layers.Dense(2, name="d2")])
    _, edges, _ = parse(utils.model_to_dot(model))
    assert edges == {("d1", "d2")}
    svg = tmp_path / "model.svg"
    utils.plot_model(branched_model(), to_file=svg, show_shapes=True, show_layer_names=True)
    root = ElementTree.parse(svg).getroot()
    assert root.tag.endswith("svg")
    texts = {t.text for t in root.iter() if t.tag.endswith("text")}
    assert {"add", "inner", " (Dense)", " (Add)"} <= texts
    utils.plot_model(model, to_file=tmp_path / "model.png")
    assert (tmp_path / "model.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    utils.plot_model(model, to_file=tmp_path / "model.pdf")
    assert (tmp_path / "model.pdf").read_bytes()[:4] == b"%PDF"


def test_missing_graphviz_or_pydot_says_how_to_install(monkeypatch, tmp_path):
    model = branched_model()
    monkeypatch.setenv("PATH", str(tmp_path))  # no `dot` program there
    with pytest.raises(ImportError, match="You must install graphviz .*apt-get install graphviz"):
        utils.plot_model(model, to_file=tmp_path / "m.png")
    monkeypatch.setattr(model_visualization, "pydot", None)
    with pytest.raises(ImportError, match=r"You must install pydot \(`pip install pydot`\)"):
        utils.plot_model(model)
    with pytest.raises(ImportError, match="install pydot"):
        utils.model_to_dot(model)


def test_unbuilt_model_and_unknown_arguments():
    with pytest.raises(ValueError, match="This model has not yet been built"):
        utils.model_to_dot(kerax.Sequential([layers.Dense(2)]))
    with pytest.raises(ValueError, match="Argument `layer_range` is no longer supported"):
        utils.model_to_dot(branched_model(), layer_range=["a", "b"])
