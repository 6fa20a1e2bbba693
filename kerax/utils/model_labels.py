"""The label of one layer's box in model_to_dot: Keras's Graphviz HTML table (a black title row with the name
and class, then optional rows for the activation and for input/output shapes, dtype and trainability)."""
from kerax import tree

_CELL = '<td bgcolor="white"><font point-size="14">{}: <b>{}</b></font></td>'


def layer_label(layer, show_layer_names, show_layer_activations, show_dtype, show_shapes, show_trainable):
    class_name = type(layer).__name__
    colspan = max(1, int(show_dtype) + int(show_trainable) + (2 if show_shapes else 0))
    title = f"<b>{layer.name}</b> ({class_name})" if show_layer_names else f"<b>{class_name}</b>"
    table = ('<<table border="0" cellborder="1" bgcolor="black" cellpadding="10">'
             f'<tr><td colspan="{colspan}" bgcolor="black"><font point-size="16" color="white">{title}'
             "</font></td></tr>")
    if show_layer_activations and getattr(layer, "activation", None) is not None:
        table += (f'<tr><td bgcolor="white" colspan="{colspan}"><font point-size="14">'
                  f"Activation: <b>{_activation_name(layer.activation)}</b></font></td></tr>")
    cells = []
    if show_shapes:
        if class_name != "InputLayer":
            cells.append(_CELL.format("Input shape", _format_shape(_shapes(layer, "input"))))
        cells.append(_CELL.format("Output shape", _format_shape(_shapes(layer, "output"))))
    if show_dtype:
        dtype = _symbolic(layer, "output", lambda t: t.dtype)
        cells.append(_CELL.format("Output dtype", dtype or "?"))
    if show_trainable and hasattr(layer, "trainable") and layer.weights:
        color, text = ("forestgreen", "Trainable") if layer.trainable else ("firebrick", "Non-trainable")
        cells.append(f'<td bgcolor="{color}"><font point-size="14" color="white"><b>{text}</b></font></td>')
    if cells:
        table += f"<tr>{''.join(cells)}</tr>"
    return table + "</table>>"


def _activation_name(activation):
    return getattr(activation, "name", None) or getattr(activation, "__name__", None) or str(activation)


def _symbolic(layer, attribute, read):
    """`read` of each tensor of the layer's first call (`layer.input` / `.output`); None if never called."""
    try:
        return tree.map_structure(read, getattr(layer, attribute))
    except (ValueError, AttributeError):
        return None


def _shapes(layer, attribute):
    return _symbolic(layer, attribute, lambda t: t.shape)


def _format_shape(shape):
    if shape is None:
        return "?"
    text = ", ".join(f"{k}: {v}" for k, v in shape.items()) if isinstance(shape, dict) else f"{shape}"
    return text.replace("}", "").replace("{", "")
