"""TensorFlow device spellings ('/gpu:0', '/device:GPU:1', '/job:worker/task:0/device:CPU:0') -> 'gpu:0'."""


def kerax_device_name(spec):
    name = str(spec).strip().rsplit("/", 1)[-1]
    if name.lower().startswith("device:"):
        name = name[len("device:"):]
    platform, _, index = name.partition(":")
    if not platform or (index and not index.isdigit()):
        raise ValueError(f"Cannot read the device {spec!r}: expected a name like '/gpu:0', 'GPU:0' or "
                         "'cpu:0'.")
    return f"{platform.lower()}:{index or 0}"
