/* pyconfig.h for cross-building stable-ABI (Py_LIMITED_API, abi3) extensions for 64-bit Windows
   with a GNU-style compiler (zig's clang, target *-windows-gnu), written for ffcv-wheels.

   Why our own: CPython's Windows pyconfig.h (PC/pyconfig.h) comes only with CPython's source or a
   Windows installation, neither reachable from our build machines. The portable headers of the
   build Python are used with this file instead; it states what CPython's Windows build states
   about the platform (sizes, DLL import of the core, Windows threads), nothing about features,
   which limited-API extensions never see. The extension links python3.dll. */
#ifndef Py_CONFIG_H
#define Py_CONFIG_H

#if !defined(_WIN64)
#error "this pyconfig.h is for 64-bit Windows targets only"
#endif

#include <io.h>
#include <stdio.h>
#include <float.h>
#include <limits.h>
#include <sys/types.h> /* ssize_t, pid_t in the MinGW headers */

#define MS_WIN32
#define MS_WIN64
#define MS_WINDOWS
#define NT_THREADS
#define WITH_THREAD
#define PLATFORM "win32"
#define COMPILER "[clang, windows-gnu target]"

/* The core is python3XY.dll; its API is imported with __declspec(dllimport). */
#define Py_ENABLE_SHARED 1
#define MS_COREDLL
#define HAVE_DECLSPEC_DLL
#define HAVE_DYNAMIC_LOADING
#define WITH_PYMALLOC 1
#define WITH_DOC_STRINGS 1

/* LLP64 */
#define SIZEOF_SHORT 2
#define SIZEOF_INT 4
#define SIZEOF_LONG 4
#define SIZEOF_LONG_LONG 8
#define SIZEOF_FLOAT 4
#define SIZEOF_DOUBLE 8
#define SIZEOF_VOID_P 8
#define SIZEOF_SIZE_T 8
#define SIZEOF_TIME_T 8
#define SIZEOF_OFF_T 4
#define SIZEOF_FPOS_T 8
#define SIZEOF_HKEY 8
#define SIZEOF_WCHAR_T 2
#define SIZEOF__BOOL 1
#define ALIGNOF_SIZE_T 8
#define ALIGNOF_LONG 4
#define LONG_BIT 32
#define WORD_BIT 32
#define HAVE_LARGEFILE_SUPPORT

#define HAVE_SSIZE_T 1
#define HAVE_UINTPTR_T 1
#define HAVE_INTPTR_T 1
#define HAVE_WCHAR_H 1
#define HAVE_STDDEF_H 1
#define HAVE_STDLIB_H 1
#define HAVE_IO_H
#define STDC_HEADERS 1
#define DOUBLE_IS_LITTLE_ENDIAN_IEEE754 1

#define PY_LONG_LONG long long
#define PY_LLONG_MIN LLONG_MIN
#define PY_LLONG_MAX LLONG_MAX
#define PY_ULLONG_MAX ULLONG_MAX

#endif /* !Py_CONFIG_H */
