"""model_to_dot and plot_model: a model's layer graph as a pydot graph, drawn to PNG/SVG/PDF by Graphviz's
`dot`. Nodes carry Keras's HTML-table labels (name, class, shapes, dtype, activation, trainable); nested
models are one node, or a dashed cluster of their own layers with `expand_nested`."""
import os
import sys

from kerax.models import Functional, Sequential
from kerax.utils import model_labels

try:
    import pydot
except ImportError:  # an optional dependency until the model is drawn: the error then says how to install it
    pydot = None

_NOT_BUILT = ("This model has not yet been built. Build the model first by calling `build()` or by calling "
              "the model on a batch of data.")
_INSTALL_PYDOT = "You must install pydot (`pip install pydot`) for {} to work."
_INSTALL_GRAPHVIZ = ("You must install graphviz (see instructions at https://graphviz.gitlab.io/download/, "
                     "e.g. `apt-get install graphviz` or `brew install graphviz`) for `plot_model` to work: "
                     "its `dot` program was not found or failed ({}).")


def model_to_dot(model, show_shapes=False, show_dtype=False, show_layer_names=True, rankdir="TB",
                 expand_nested=False, dpi=200, subgraph=False, show_layer_activations=False,
                 show_trainable=False, splines="ortho", **kwargs):
    """A `pydot.Dot` of the model (a `pydot.Cluster` with `subgraph=True`, used for nested models)."""
    if not model.built:
        raise ValueError(_NOT_BUILT)
    if pydot is None:
        raise ImportError(_INSTALL_PYDOT.format("model_to_dot"))
    _check_kwargs(kwargs)
    if subgraph:
        dot = pydot.Cluster(style="dashed", graph_name=model.name)
        dot.set("label", model.name)
        dot.set("labeljust", "l")
    else:
        dot = pydot.Dot()
        for key, value in (("rankdir", rankdir), ("concentrate", True), ("dpi", dpi), ("splines", splines)):
            dot.set(key, value)
        dot.set_node_defaults(shape="record")
    options = dict(show_layer_names=show_layer_names, show_layer_activations=show_layer_activations,
                   show_dtype=show_dtype, show_shapes=show_shapes, show_trainable=show_trainable)
    if not isinstance(model, (Functional, Sequential)):  # a subclassed model is one box
        dot.add_node(_node(model, options))
        return dot
    for layer in model.layers:
        if expand_nested and isinstance(layer, (Functional, Sequential)):
            dot.add_subgraph(model_to_dot(
                layer, show_shapes, show_dtype, show_layer_names, rankdir, expand_nested, subgraph=True,
                show_layer_activations=show_layer_activations, show_trainable=show_trainable,
            ))
        else:
            dot.add_node(_node(layer, options))
    for source, destination in _edges(model):
        if expand_nested:
            source, destination = _innermost_source(*source), _innermost_destination(*destination)
        else:
            source, destination = source[0], destination[0]
        _add_edge(dot, source, destination)
    return dot


def _check_kwargs(kwargs):
    if kwargs.pop("layer_range", None) is not None:
        raise ValueError("Argument `layer_range` is no longer supported.")
    if kwargs:
        raise ValueError(f"Unrecognized keyword arguments: {kwargs}")


def _node(layer, options):
    node = pydot.Node(str(id(layer)), label=model_labels.layer_label(layer, **options))
    for key, value in (("fontname", "Helvetica"), ("border", "0"), ("margin", "0")):
        node.set(key, value)
    return node


def _add_edge(dot, source, destination):
    src, dst = str(id(source)), str(id(destination))
    if not dot.get_edge(src, dst):
        edge = pydot.Edge(src, dst)
        edge.set("penwidth", "2")
        dot.add_edge(edge)


def _edges(model):
    """((source layer, output index), (destination layer, input index)) for each tensor passed along."""
    if isinstance(model, Sequential):  # a Sequential is a chain
        return [((a, 0), (b, 0)) for a, b in zip(model.layers, model.layers[1:])]
    return [((tensor._keras_history[0], tensor._keras_history[2]), (node.operation, index))
            for node in model._nodes for index, tensor in enumerate(node.input_tensors)]


def _innermost_source(layer, output_index):
    """A nested model has no box of its own: the edge starts at the layer making that output inside it."""
    while isinstance(layer, (Functional, Sequential)):
        layer, _, output_index = layer.outputs[output_index]._keras_history
    return layer


def _innermost_destination(layer, input_index):
    while isinstance(layer, (Functional, Sequential)):
        is_chain = isinstance(layer, Sequential)
        layer = layer.layers[0] if is_chain else layer.inputs[input_index]._keras_history[0]
    return layer


def plot_model(model, to_file="model.png", show_shapes=False, show_dtype=False, show_layer_names=False,
               rankdir="TB", expand_nested=False, dpi=200, show_layer_activations=False, show_trainable=False,
               splines="ortho", **kwargs):
    """Draws the model to `to_file`, in the format its extension names (png when it has none)."""
    if not model.built:
        raise ValueError(_NOT_BUILT)
    problem = _drawing_problem()
    if problem:
        if "IPython.core.magics.namespace" in sys.modules:  # in a notebook: say it, do not break the cell
            print(problem)
            return None
        raise ImportError(problem)
    dot = model_to_dot(model, show_shapes=show_shapes, show_dtype=show_dtype,
                       show_layer_names=show_layer_names, rankdir=rankdir, expand_nested=expand_nested,
                       dpi=dpi, show_layer_activations=show_layer_activations, show_trainable=show_trainable,
                       splines=splines, **kwargs)
    to_file = str(to_file)
    extension = os.path.splitext(to_file)[1][1:] or "png"
    picture = dot.create(format=extension)
    temporary = f"{to_file}.tmp{os.getpid()}"
    with open(temporary, "wb") as f:
        f.write(picture)
    os.replace(temporary, to_file)
    display = sys.modules.get("IPython.display")  # loaded in notebooks: show the picture inline
    if display is not None and extension != "pdf":
        return display.Image(filename=to_file)
    return None


def _drawing_problem():
    if pydot is None:
        return _INSTALL_PYDOT.format("`plot_model`")
    try:
        pydot.Dot.create(pydot.Dot())
    except (OSError, pydot.PydotException) as error:
        return _INSTALL_GRAPHVIZ.format(error)
    return None
