"""A seccomp filter for the process that runs a learner's answer: no new processes, no programs.

Once installed (it needs no privilege, only no_new_privs, which bubblewrap sets and we set too),
the kernel refuses fork, vfork, clone without CLONE_THREAD (threads still work), execve,
ptrace and a few calls that reach outside a process (process_vm_*, unshare, setns, mount, bpf,
keyctl). clone3 answers ENOSYS, so the C library falls back to clone for threads. A fork bomb
or a shell then fails at once with PermissionError, whatever the Python code tries.
"""

import ctypes
import platform
import struct

__all__ = ["install", "SUPPORTED"]

_ARCHES = {  # audit arch, clone, clone3, blocked calls
    "x86_64": (0xC000003E, 56, 435, (57, 58, 59, 322, 101, 310, 311, 272, 308, 165, 321, 323, 298, 250, 248, 249)),
    "aarch64": (0xC00000B7, 220, 435, (221, 281, 117, 270, 271, 97, 268, 40, 280, 282, 241, 219, 217, 218)),
}
SUPPORTED = platform.machine() in _ARCHES

_LD_W_ABS, _JEQ, _JGE, _JSET, _RET = 0x20, 0x15, 0x35, 0x45, 0x06
_ALLOW, _EPERM, _ENOSYS, _KILL = 0x7FFF0000, 0x00050001, 0x00050026, 0x80000000
_CLONE_THREAD = 0x00010000


def _program():
    arch, clone, clone3, blocked = _ARCHES[platform.machine()]
    code = [("ld", 4), ("jeq", arch, None, "kill"), ("ld", 0)]
    if platform.machine() == "x86_64":
        code.append(("jge", 0x40000000, "eperm", None))  # the x32 calling convention
    code += [("jeq", nr, "eperm", None) for nr in blocked]
    code += [("jeq", clone3, "enosys", None), ("jeq", clone, "clone", None), ("ret", _ALLOW),
             ("ld", 16, "clone"), ("jset", _CLONE_THREAD, "allow", "eperm"),  # flags: a thread?
             ("ret", _ALLOW, "allow"), ("ret", _EPERM, "eperm"), ("ret", _ENOSYS, "enosys"), ("ret", _KILL, "kill")]
    labels = {op[-1]: i for i, op in enumerate(code) if op[0] in ("ret", "ld") and len(op) == 3}
    out = []
    for i, op in enumerate(code):
        def offset(label):
            return 0 if label is None else labels[label] - i - 1
        if op[0] == "ld":
            out.append(struct.pack("HBBI", _LD_W_ABS, 0, 0, op[1]))
        elif op[0] == "ret":
            out.append(struct.pack("HBBI", _RET, 0, 0, op[1]))
        else:
            jump = {"jeq": _JEQ, "jge": _JGE, "jset": _JSET}[op[0]]
            out.append(struct.pack("HBBI", jump, offset(op[2]), offset(op[3]), op[1]))
    return b"".join(out)


class _Fprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


def install():
    """Install the filter on this process (and the threads it starts from now on)."""
    if not SUPPORTED:
        raise OSError(f"no seccomp filter for {platform.machine()}")
    libc = ctypes.CDLL(None, use_errno=True)
    program = _program()
    buffer = ctypes.create_string_buffer(program, len(program))
    fprog = _Fprog(len(program) // 8, ctypes.cast(buffer, ctypes.c_void_p))
    PR_SET_NO_NEW_PRIVS, PR_SET_SECCOMP, SECCOMP_MODE_FILTER = 38, 22, 2
    if libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 or \
            libc.prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, ctypes.byref(fprog), 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "seccomp could not be installed")
