/* A Windows console program that stands in for one of MSVC's tools (vswhere.exe, cl.exe, link.exe, lib.exe) or
 * for cmake.exe in the Wine rehearsal (tests/support/msvc_standin.py builds it with zig and copies it under each
 * tool's name). Files beside the copy, named after it (NAME = vswhere, cl, ...), say what it does:
 *   NAME.calls.txt   each call appends "@@call", "@@args <its command line>", then "@@env NAME=value" per variable
 *   NAME.stdout      written to standard output byte for byte (NAME.bare.stdout instead when called without
 *   NAME.stderr      arguments: `cl` alone prints its banner); likewise standard error
 *   NAME.exitcode    the exit code (NAME.bare.exitcode without arguments); 0 if absent
 * Text is UTF-8 in the calls file, whatever Windows' code page. */
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#include <stdlib.h>
#include <wchar.h>

static wchar_t base[32768];

static void append_utf8(HANDLE file, const wchar_t *text) {
    int size = WideCharToMultiByte(CP_UTF8, 0, text, -1, NULL, 0, NULL, NULL);
    char *buffer = (char *)HeapAlloc(GetProcessHeap(), 0, (SIZE_T)size);
    DWORD written;
    WideCharToMultiByte(CP_UTF8, 0, text, -1, buffer, size, NULL, NULL);
    WriteFile(file, buffer, (DWORD)(size - 1), &written, NULL);
    HeapFree(GetProcessHeap(), 0, buffer);
}

static HANDLE open_beside(const wchar_t *suffix, DWORD access, DWORD disposition) {
    wchar_t path[32768];
    wcscpy(path, base);
    wcscat(path, suffix);
    return CreateFileW(path, access, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, disposition,
                       FILE_ATTRIBUTE_NORMAL, NULL);
}

/* The contents of NAME<suffix>, NUL-terminated; NULL if there is no such file. */
static char *read_beside(const wchar_t *suffix, DWORD *length) {
    HANDLE file = open_beside(suffix, GENERIC_READ, OPEN_EXISTING);
    char *buffer;
    if (file == INVALID_HANDLE_VALUE) return NULL;
    *length = GetFileSize(file, NULL);
    buffer = (char *)HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, *length + 1);
    ReadFile(file, buffer, *length, length, NULL);
    CloseHandle(file);
    return buffer;
}

static void copy_to(DWORD stream, const wchar_t *suffix) {
    DWORD length, written;
    char *data = read_beside(suffix, &length);
    if (data) WriteFile(GetStdHandle(stream), data, length, &written, NULL);
}

int main(void) {
    wchar_t *command_line = GetCommandLineW(), *rest = command_line, *env, *variable;
    int quoted = 0, bare;
    DWORD length;
    char *code;
    HANDLE calls;

    GetModuleFileNameW(NULL, base, 32768);
    if (wcslen(base) > 4 && _wcsicmp(base + wcslen(base) - 4, L".exe") == 0) base[wcslen(base) - 4] = 0;

    /* The arguments start after the program name (quoted or not) and its blanks. */
    for (; *rest && (quoted || (*rest != L' ' && *rest != L'\t')); rest++)
        if (*rest == L'"') quoted = !quoted;
    while (*rest == L' ' || *rest == L'\t') rest++;
    bare = *rest == 0;

    calls = open_beside(L".calls.txt", FILE_APPEND_DATA, OPEN_ALWAYS);
    if (calls != INVALID_HANDLE_VALUE) {
        append_utf8(calls, L"@@call\n@@args ");
        append_utf8(calls, command_line);
        append_utf8(calls, L"\n");
        env = GetEnvironmentStringsW();
        for (variable = env; *variable; variable += wcslen(variable) + 1) {
            append_utf8(calls, L"@@env ");
            append_utf8(calls, variable);
            append_utf8(calls, L"\n");
        }
        FreeEnvironmentStringsW(env);
        CloseHandle(calls);
    }
    copy_to(STD_OUTPUT_HANDLE, bare ? L".bare.stdout" : L".stdout");
    copy_to(STD_ERROR_HANDLE, bare ? L".bare.stderr" : L".stderr");
    code = read_beside(bare ? L".bare.exitcode" : L".exitcode", &length);
    return code ? atoi(code) : 0;
}
