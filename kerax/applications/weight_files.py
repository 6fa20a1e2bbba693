"""Keras's published ImageNet weight files: where each one is and its hash, as Keras 3.15 has them. A file is
downloaded once with `kerax.utils.get_file` into Keras's cache (`~/.keras/models`, or under `$KERAS_HOME`), so
files Keras already downloaded are used as they are, and read with Keras 2's HDF5 weights layout (loaded by
layer order, as Keras loads them). tf.keras 2's RegNet and ResNetRS files are listed too."""
from kerax.applications import weight_hashes_tf_keras
from kerax.utils.file_utils import get_file

GCS = "https://storage.googleapis.com/"
APPLICATIONS = GCS + "tensorflow/keras-applications/"

# file name at its origin -> (origin folder, md5 or sha256 hash; None where Keras checks none)
FILES = {}

_TF_KERNELS = {  # <folder>/<stem>_weights_tf_dim_ordering_tf_kernels[_notop].h5: (hash, notop hash)
    ("resnet", "resnet50"): ("2cb95161c43110f7111970584f804107", "4d473c1dd8becc155b73f8504c6f6626"),
    ("resnet", "resnet101"): ("f1aeb4b969a6efcfb50fad2f0c20cfc5", "88cf7a10940856eca736dc7b7e228a21"),
    ("resnet", "resnet152"): ("100835be76be38e30d865e96f2aaae62", "ee4c566cf9a93f14d82f913c2dc6dd0c"),
    ("resnet", "resnet50v2"): ("3ef43a0b657b3be2300d5770ece849e0", "fac2f116257151a9d068a22e544a4917"),
    ("resnet", "resnet101v2"): ("6343647c601c52e1368623803854d971", "c0ed64b8031c3730f411d2eb4eea35b5"),
    ("resnet", "resnet152v2"): ("a49b44d1979771252814e80f8ec446f9", "ed17cf2e0169df9d443503ef94b23b33"),
    ("vgg16", "vgg16"): ("64373286793e3c8b2b4e3219cbf3544b", "6d6bbae143d832006294945121d1f1fc"),
    ("vgg19", "vgg19"): ("cbe5617147190e668d6c5d5026f83318", "253f8cb515780f3b799900260a226db6"),
    ("xception", "xception"): ("0a58e3b7378bc2990ea3b43d5981f1f6", "b0042744bf5b25fce3cb969f33bebb97"),
    ("inception_v3", "inception_v3"): (
        "9a0d58056eeedaa3f26cb7ebd46da564", "bcbd6486424b2319ff4ef7d526e38f63"),
    ("inception_resnet_v2", "inception_resnet_v2"): (
        "e693bd0210a403b3192acc6073ad2e96", "d19885ff4a710c122648d3b5c3b684e4"),
    ("densenet", "densenet121"): ("9d60b8095a5708f2dcce2bca79d332c7", "30ee3e1110167f948a6b9946edeeb738"),
    ("densenet", "densenet169"): ("d699b8f76981ab1b30698df4c175e90b", "b8c4d4c20dd625c148057b9ff1c1176b"),
    ("densenet", "densenet201"): ("1ceb130c1ea1b78c3bf6114dbdfd8807", "c13680b51ded0fb44dff2d8f86ac8bb1"),
}
_NASNET = {  # file at the origin: (cache name, hash)
    "NASNet-mobile.h5": ("nasnet_mobile.h5", "020fb642bf7360b370c678b08e0adf61"),
    "NASNet-mobile-no-top.h5": ("nasnet_mobile_no_top.h5", "1ed92395b5b598bdda52abe5c0dbfd63"),
    "NASNet-large.h5": ("nasnet_large.h5", "11577c9a518f0070763c2b964a382f17"),
    "NASNet-large-no-top.h5": ("nasnet_large_no_top.h5", "d81d89dc07e6e56530c4e77faddd61b5"),
}
_MOBILENET_V3 = {  # weights_mobilenet_v3_<variant>.h5 and ..._no_top_v2.h5
    "large_224_0.75_float": ("765b44a33ad4005b3ac83185abf1d0eb", "40af19a13ebea4e2ee0c676887f69a2e"),
    "large_224_1.0_float": ("59e551e166be033d707958cf9e29a6a7", "07fb09a5933dd0c8eaafa16978110389"),
    "large_minimalistic_224_1.0_float": (
        "675e7b876c45c57e9e63e6d90a36599c", "ec5221f64a2f6d1ef965a614bdae7973"),
    "small_224_0.75_float": ("cb65d4e5be93758266aa0a7f2c6708b7", "ebdb5cc8e0b497cd13a7c275d475c819"),
    "small_224_1.0_float": ("8768d4c2e7dee89b9d02b2d03d65d862", "d3e8ec802a04aa4fc771ee12a9a9b836"),
    "small_minimalistic_224_1.0_float": (
        "99cd97fb2fcdad2bf028eb838de69e37", "cde8136e733e811080d9fcd8a252f7e4"),
}
_EFFICIENTNET = {  # efficientnet<variant>.h5 and ..._notop.h5, at the bucket's root
    "b0": ("902e53a9f72be733fc0bcb005b3ebbac", "50bc09e76180e00e4465e1a485ddc09d"),
    "b1": ("1d254153d4ab51201f1646940f018540", "74c4e6b3e1f6a1eea24c589628592432"),
    "b2": ("b15cce36ff4dcbd00b6dd88e7857a6ad", "111f8e2ac8aa800a7a99e3239f7bfb39"),
    "b3": ("ffd1fdc53d0ce67064dc6a9c7960ede0", "af6d107764bb5b1abb91932881670226"),
    "b4": ("18c95ad55216b8f92d7e70b3a046e2fc", "ebc24e6d6c33eaebbd558eafbeedf1ba"),
    "b5": ("ace28f2a6363774853a83a0b21b9421a", "38879255a25d3c92d5e44e04ae6cec6f"),
    "b6": ("165f6e37dce68623721b423839de8be5", "9ecce42647a20130c1f39a5d4cb75743"),
    "b7": ("8c03f828fec3ef71311cd463b6759d99", "cbcfe4450ddf6f3ad90b1b398090fe4a"),
}
_EFFICIENTNET_V2 = {  # efficientnetv2-<variant>.h5 and ..._notop.h5
    "b0": ("21ecbf6da12460d5c40bb2f29ceb2188", "893217f2bb855e2983157299931e43ff"),
    "b1": ("069f0534ff22adf035c89e2d9547a9dc", "0e80663031ca32d657f9caa404b6ec37"),
    "b2": ("424e49f28180edbde1e94797771950a7", "1dfe2e7a5d45b6632553a8961ea609eb"),
    "b3": ("1f1fc43bd98a6e4fd8fdfd551e02c7a0", "f6abf7b5849ac99a89b50dd3fd532856"),
    "s": ("e1d88a8495beba45748fedd0cecbe016", "af0682fb74e8c54910f2d4393339c070"),
    "m": ("a3bf6aa3276309f4fc6a34aa114c95cd", "1b8dc055df72dde80d614482840fe342"),
    "l": ("27e6d408b53c7ebc868fefa357689935", "b0b66b5c863aef5b46e8608fe1711615"),
}
_CONVNEXT = {  # convnext_<variant>.h5 and ..._notop.h5 (sha256)
    "tiny": ("8ae6e78ce2933352b1ef4008e6dd2f17bc40771563877d156bc6426c7cf503ff",
             "d547c096cabd03329d7be5562c5e14798aa39ed24b474157cef5e85ab9e49ef1"),
    "small": ("ce1277d8f1ee5a0ef0e171469089c18f5233860ceaf9b168049cb9263fd7483c",
              "6fc8009faa2f00c1c1dfce59feea9b0745eb260a7dd11bee65c8e20843da6eab"),
    "base": ("52cbb006d3dadd03f6e095a8ca1aca47aecdd75acb4bc74bce1f5c695d0086e6",
             "40a20c5548a5e9202f69735ecc06c990e6b7c9d2de39f0361e27baeb24cb7c45"),
    "large": ("070c5ed9ed289581e477741d3b34beffa920db8cf590899d6d2c67fba2a198a6",
              "96f02b6f0753d4f543261bc9d09bed650f24dd6bc02ddde3066135b63d23a1cd"),
    "xlarge": ("c1f5ccab661354fc3a79a10fa99af82f0fbf10ec65cb894a3ae0815f17a889ee",
               "de3f8a54174130e0cecdc71583354753d557fcf1f4487331558e2a16ba0cfe05"),
}
# Keras checks no hash for these; every (alpha, size) it publishes.
_MOBILENET = [(a, rows) for a in ("1_0", "7_5", "5_0", "2_5") for rows in (128, 160, 192, 224)]
_MOBILENET_V2 = [(a, rows) for a in (0.35, 0.5, 0.75, 1.0, 1.3, 1.4) for rows in (96, 128, 160, 192, 224)]


def _add_pair(folder, top_name, notop_name, hashes):
    FILES[top_name] = (folder, hashes[0])
    FILES[notop_name] = (folder, hashes[1])


def _fill():
    for (folder, stem), hashes in _TF_KERNELS.items():
        name = f"{stem}_weights_tf_dim_ordering_tf_kernels"
        _add_pair(f"{APPLICATIONS}{folder}/", f"{name}.h5", f"{name}_notop.h5", hashes)
    for origin_name, (_, file_hash) in _NASNET.items():
        FILES[origin_name] = (APPLICATIONS + "nasnet/", file_hash)
    for variant, hashes in _MOBILENET_V3.items():
        name = f"weights_mobilenet_v3_{variant}"
        _add_pair(APPLICATIONS + "mobilenet_v3/", f"{name}.h5", f"{name}_no_top_v2.h5", hashes)
    for variant, hashes in _EFFICIENTNET.items():
        _add_pair(GCS + "keras-applications/", f"efficientnet{variant}.h5", f"efficientnet{variant}_notop.h5",
                  hashes)
    for variant, hashes in _EFFICIENTNET_V2.items():
        name = f"efficientnetv2-{variant}"
        _add_pair(APPLICATIONS + "efficientnet_v2/", f"{name}.h5", f"{name}_notop.h5", hashes)
    for variant, hashes in _CONVNEXT.items():
        name = f"convnext_{variant}"
        _add_pair(APPLICATIONS + "convnext/", f"{name}.h5", f"{name}_notop.h5", hashes)
    for alpha, rows in _MOBILENET:
        _add_pair(APPLICATIONS + "mobilenet/", f"mobilenet_{alpha}_{rows}_tf.h5",
                  f"mobilenet_{alpha}_{rows}_tf_no_top.h5", (None, None))
    for alpha, rows in _MOBILENET_V2:
        name = f"mobilenet_v2_weights_tf_dim_ordering_tf_kernels_{float(alpha)}_{rows}"
        _add_pair(APPLICATIONS + "mobilenet_v2/", f"{name}.h5", f"{name}_no_top.h5", (None, None))

    for variant, hashes in weight_hashes_tf_keras.REGNET.items():
        _add_pair(APPLICATIONS + "regnet/", f"regnet{variant}.h5", f"regnet{variant}_notop.h5", hashes)
    for (depth, size), hashes in weight_hashes_tf_keras.RESNET_RS.items():
        name = f"resnet-rs-{depth}-i{size}"
        _add_pair(APPLICATIONS + "resnet_rs/", f"{name}.h5", f"{name}_notop.h5", hashes)


_fill()


def tf_kernels_name(stem, include_top):
    """Keras 2's file name for the classic families, e.g. `resnet50_weights_tf_dim_ordering_tf_kernels.h5`."""
    return f"{stem}_weights_tf_dim_ordering_tf_kernels{'' if include_top else '_notop'}.h5"


def fetch(file_name):
    """The local path of Keras's weight file `file_name` (downloaded once, its hash checked)."""
    if file_name not in FILES:
        raise ValueError(f"Keras publishes no ImageNet weights file named {file_name!r}; known files: "
                         f"{sorted(FILES)[:6]}...")
    folder, file_hash = FILES[file_name]
    cache_name = _NASNET[file_name][0] if file_name in _NASNET else file_name
    return get_file(cache_name, folder + file_name, cache_subdir="models", file_hash=file_hash)


def load(model, weights, file_name):
    """Loads `weights`: "imagenet" (Keras's file `file_name`), a path to a weights file, or None (nothing)."""
    if weights == "imagenet":
        model.load_weights(fetch(file_name))
    elif weights is not None:
        model.load_weights(weights)
    return model
