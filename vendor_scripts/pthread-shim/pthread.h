/* ffcv-wheels: the part of pthreads that FFCV's libffcv.cpp uses (once and thread-local keys), for
 * Windows builds with MSVC, which has no pthread.h. Header-only, over Windows' own calls:
 * InitOnceExecuteOnce for pthread_once, fiber-local storage (FlsAlloc) for keys, because FLS runs a
 * key's destructor when a thread exits, as pthreads does. Replaces pthreads-win32 2.9.1, whose
 * pthreadVC2.dll needs the VC++ 2010 runtime; the wheel then needs no pthreads DLL at all.
 * 64-bit Windows only: the FLS callback and a pthreads destructor share a calling convention there. */
#ifndef FFCV_WHEELS_PTHREAD_SHIM_H
#define FFCV_WHEELS_PTHREAD_SHIM_H
#define FFCV_WHEELS_PTHREAD_SHIM 1

#if !defined(_WIN64)
#error "the ffcv-wheels pthread shim supports 64-bit Windows only"
#endif

#ifndef WIN32_LEAN_AND_MEAN
#define WIN32_LEAN_AND_MEAN
#endif
#ifndef NOMINMAX
#define NOMINMAX /* keep min/max usable as functions (OpenCV, std::) */
#endif
#include <windows.h>
#include <errno.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef INIT_ONCE pthread_once_t;
#define PTHREAD_ONCE_INIT INIT_ONCE_STATIC_INIT
typedef DWORD pthread_key_t;

typedef struct { void (*routine)(void); } ffcv_pthread_once_routine;

static BOOL CALLBACK ffcv_pthread_once_call(PINIT_ONCE once, PVOID parameter, PVOID *context)
{
    (void)once;
    (void)context;
    ((ffcv_pthread_once_routine *)parameter)->routine();
    return TRUE;
}

static __inline int pthread_once(pthread_once_t *once, void (*routine)(void))
{
    ffcv_pthread_once_routine call = { routine };
    return InitOnceExecuteOnce(once, ffcv_pthread_once_call, &call, NULL) ? 0 : EINVAL;
}

static __inline int pthread_key_create(pthread_key_t *key, void (*destructor)(void *))
{
    DWORD index = FlsAlloc((PFLS_CALLBACK_FUNCTION)destructor);
    if (index == FLS_OUT_OF_INDEXES)
        return EAGAIN;
    *key = index;
    return 0;
}

static __inline int pthread_key_delete(pthread_key_t key)
{
    return FlsFree(key) ? 0 : EINVAL;
}

static __inline void *pthread_getspecific(pthread_key_t key)
{
    return FlsGetValue(key);
}

static __inline int pthread_setspecific(pthread_key_t key, const void *value)
{
    return FlsSetValue(key, (PVOID)value) ? 0 : ENOMEM;
}

#ifdef __cplusplus
}
#endif
#endif /* FFCV_WHEELS_PTHREAD_SHIM_H */
