// Exercises the ffcv-wheels pthread shim the way libffcv.cpp uses it, from many threads at once.
// Cross-compiled for Windows and run under Wine by tests/test_pthread_shim.py; prints one result line.
#include <pthread.h>
#ifndef FFCV_WHEELS_PTHREAD_SHIM
#error "the shim's pthread.h must win over the toolchain's own"
#endif
#include <stdio.h>
#include <stdlib.h>

static pthread_once_t once = PTHREAD_ONCE_INIT;
static pthread_key_t key;
static volatile LONG once_calls = 0, destructor_calls = 0, wrong_values = 0, fresh_not_null = 0;

static void make_key(void)
{
    InterlockedIncrement(&once_calls);
    Sleep(20);  // widen the window in which other threads must wait
    if (pthread_key_create(&key, [](void *value) { InterlockedIncrement(&destructor_calls); free(value); }) != 0)
        exit(3);
}

static DWORD WINAPI worker(LPVOID argument)
{
    pthread_once(&once, make_key);
    if (pthread_getspecific(key) != NULL)
        InterlockedIncrement(&fresh_not_null);
    int *mine = (int *)malloc(sizeof(int));
    *mine = (int)(INT_PTR)argument;
    pthread_setspecific(key, mine);
    for (int i = 0; i < 1000; i++) {
        if (*(int *)pthread_getspecific(key) != (int)(INT_PTR)argument)
            InterlockedIncrement(&wrong_values);
        SwitchToThread();
    }
    return 0;
}

int main(void)
{
    const int count = 16;
    HANDLE threads[16];
    for (int i = 0; i < count; i++)
        threads[i] = CreateThread(NULL, 0, worker, (LPVOID)(INT_PTR)(i + 1), 0, NULL);
    WaitForMultipleObjects(count, threads, TRUE, INFINITE);
    for (int i = 0; i < count; i++)
        CloseHandle(threads[i]);
    printf("RESULT once_calls=%ld destructor_calls=%ld wrong_values=%ld fresh_not_null=%ld\n",
           once_calls, destructor_calls, wrong_values, fresh_not_null);
    return 0;
}
