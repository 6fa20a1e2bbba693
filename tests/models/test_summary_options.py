"""summary(expand_nested=True, show_trainable=True) render as tf.keras does: a Trainable column of Y/N and the
layers of nested models framed by '|'."""
import kerax


def summary_lines(model, **kwargs):
    lines = []
    model.summary(print_fn=lines.append, **kwargs)
    return lines


def nested_model():
    inner = kerax.Sequential([kerax.Input((3,)), kerax.layers.Dense(4, name="frozen"),
                              kerax.layers.Dense(2, name="inner_out")], name="inner")
    inner.get_layer("frozen").trainable = False
    x = kerax.Input((3,))
    return kerax.Model(x, kerax.layers.Dense(1, name="head")(inner(x)))


def test_show_trainable_adds_a_column():
    lines = summary_lines(nested_model(), show_trainable=True, expand_nested=True)
    assert lines[2].split()[-1] == "Trainable"
    frozen = next(line for line in lines if "frozen (Dense)" in line)
    head = next(line for line in lines if "head (Dense)" in line)
    assert frozen.rstrip("| ").endswith("N") and head.rstrip().endswith("Y")


def test_expand_nested_shows_the_inner_layers_framed():
    lines = summary_lines(nested_model(), expand_nested=True)
    frozen = next(line for line in lines if "frozen (Dense)" in line)
    assert frozen.startswith("|") and frozen.endswith("|") and "(None, 4)" in frozen and "16" in frozen
    assert any(line.startswith("|\u00af") for line in lines)
    assert not any("frozen" in line for line in summary_lines(nested_model()))
    assert all(len(line) == len(lines[1]) for line in lines if line.startswith("|"))
