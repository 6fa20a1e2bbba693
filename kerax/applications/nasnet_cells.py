"""NASNet-A's cells: normal cells keep the size, reduction cells halve it; each combines the previous output
(`ip`) and the one before (`p`, adjusted to match) through separable convolutions, poolings and additions."""
from kerax import layers
from kerax.applications import blocks


def bn(name):
    return layers.BatchNormalization(axis=-1, momentum=0.9997, epsilon=1e-3, name=name)


def _conv1x1(x, filters, name, strides=(1, 1)):
    return layers.Conv2D(filters, (1, 1), strides=strides, padding="same", use_bias=False, name=name,
                         kernel_initializer="he_normal")(x)


def relu(x, name=None):
    return layers.Activation("relu", name=name)(x)


def _separable_conv_block(ip, filters, kernel_size=(3, 3), strides=(1, 1), block_id=None):
    """ReLU, separable conv (strided: after TF-style padding), BN; twice."""
    x = relu(ip)
    padding = "same"
    if strides == (2, 2):
        x = layers.ZeroPadding2D(padding=blocks.correct_pad(x, kernel_size),
                                 name=f"separable_conv_1_pad_{block_id}")(x)
        padding = "valid"
    x = layers.SeparableConv2D(filters, kernel_size, strides=strides, name=f"separable_conv_1_{block_id}",
                               padding=padding, use_bias=False)(x)
    x = relu(bn(f"separable_conv_1_bn_{block_id}")(x))
    x = layers.SeparableConv2D(filters, kernel_size, name=f"separable_conv_2_{block_id}", padding="same",
                               use_bias=False)(x)
    return bn(f"separable_conv_2_bn_{block_id}")(x)


def _strided_1x1_pool(x, name):
    return layers.AveragePooling2D((1, 1), strides=(2, 2), padding="valid", name=name)(x)


def _halve(p, filters, block_id):
    """`p` at half size: two offset 1x1 strided paths, concatenated."""
    p = relu(p, f"adjust_relu_1_{block_id}")
    p1 = _strided_1x1_pool(p, f"adjust_avg_pool_1_{block_id}")
    p1 = _conv1x1(p1, filters // 2, f"adjust_conv_1_{block_id}")
    p2 = layers.ZeroPadding2D(padding=((0, 1), (0, 1)))(p)
    p2 = layers.Cropping2D(cropping=((1, 0), (1, 0)))(p2)
    p2 = _strided_1x1_pool(p2, f"adjust_avg_pool_2_{block_id}")
    p2 = _conv1x1(p2, filters // 2, f"adjust_conv_2_{block_id}")
    p = layers.concatenate([p1, p2], axis=-1)
    return bn(f"adjust_bn_{block_id}")(p)


def _adjust_block(p, ip, filters, block_id=None):
    """The previous output `p` matched to `ip`'s size and to `filters` channels."""
    if p is None:
        return ip
    if p.shape[-2] != ip.shape[-2]:
        return _halve(p, filters, block_id)
    if p.shape[-1] != filters:
        p = _conv1x1(relu(p), filters, f"adjust_conv_projection_{block_id}")
        return bn(f"adjust_bn_{block_id}")(p)
    return p


def _cell_input(ip, p, filters, kind, block_id):
    p = _adjust_block(p, ip, filters, block_id)
    h = _conv1x1(relu(ip), filters, f"{kind}_conv_1_{block_id}")
    return p, bn(f"{kind}_bn_1_{block_id}")(h)


def _average_pool(x, name, strides=(1, 1), padding="same"):
    return layers.AveragePooling2D((3, 3), strides=strides, padding=padding, name=name)(x)


def _normal_a_cell(ip, p, filters, block_id=None):
    p, h = _cell_input(ip, p, filters, "normal", block_id)
    x1 = layers.add([_separable_conv_block(h, filters, (5, 5), block_id=f"normal_left1_{block_id}"),
                     _separable_conv_block(p, filters, block_id=f"normal_right1_{block_id}")],
                    name=f"normal_add_1_{block_id}")
    x2 = layers.add([_separable_conv_block(p, filters, (5, 5), block_id=f"normal_left2_{block_id}"),
                     _separable_conv_block(p, filters, (3, 3), block_id=f"normal_right2_{block_id}")],
                    name=f"normal_add_2_{block_id}")
    x3 = layers.add([_average_pool(h, f"normal_left3_{block_id}"), p], name=f"normal_add_3_{block_id}")
    x4 = layers.add([_average_pool(p, f"normal_left4_{block_id}"),
                     _average_pool(p, f"normal_right4_{block_id}")], name=f"normal_add_4_{block_id}")
    x5 = layers.add([_separable_conv_block(h, filters, block_id=f"normal_left5_{block_id}"), h],
                    name=f"normal_add_5_{block_id}")
    x = layers.concatenate([p, x1, x2, x3, x4, x5], axis=-1, name=f"normal_concat_{block_id}")
    return x, ip


def _reduction_a_cell(ip, p, filters, block_id=None):
    p, h = _cell_input(ip, p, filters, "reduction", block_id)
    h3 = layers.ZeroPadding2D(padding=blocks.correct_pad(h, 3), name=f"reduction_pad_1_{block_id}")(h)

    def separable(x, kernel, side):
        return _separable_conv_block(x, filters, kernel, strides=(2, 2),
                                     block_id=f"reduction_{side}_{block_id}")

    def max_pool(name):
        return layers.MaxPooling2D((3, 3), strides=(2, 2), padding="valid", name=name)(h3)

    x1 = layers.add([separable(h, (5, 5), "left1"), separable(p, (7, 7), "right1")],
                    name=f"reduction_add_1_{block_id}")
    x2 = layers.add([max_pool(f"reduction_left2_{block_id}"), separable(p, (7, 7), "right2")],
                    name=f"reduction_add_2_{block_id}")
    x3 = layers.add([_average_pool(h3, f"reduction_left3_{block_id}", (2, 2), "valid"),
                     separable(p, (5, 5), "right3")], name=f"reduction_add3_{block_id}")
    x4 = layers.add([x2, _average_pool(x1, f"reduction_left4_{block_id}")])
    x5 = layers.add([_separable_conv_block(x1, filters, (3, 3), block_id=f"reduction_left4_{block_id}"),
                     max_pool(f"reduction_right5_{block_id}")], name=f"reduction_add4_{block_id}")
    x = layers.concatenate([x2, x3, x4, x5], axis=-1, name=f"reduction_concat_{block_id}")
    return x, ip


def cell_stack(x, filters, num_blocks, skip_reduction, filter_multiplier):
    """Two stem reduction cells, then three stages of `num_blocks` normal cells with reductions between."""
    x, p = _reduction_a_cell(x, None, filters // filter_multiplier**2, block_id="stem_1")
    x, p = _reduction_a_cell(x, p, filters // filter_multiplier, block_id="stem_2")
    for stage in range(3):
        if stage:
            x, p0 = _reduction_a_cell(x, p, filters * filter_multiplier**stage,
                                      block_id=f"reduce_{stage * num_blocks}")
            p = p if skip_reduction else p0
        for i in range(num_blocks):
            x, p = _normal_a_cell(x, p, filters * filter_multiplier**stage,
                                  block_id=f"{stage * num_blocks + i + (1 if stage else 0)}")
    return x
