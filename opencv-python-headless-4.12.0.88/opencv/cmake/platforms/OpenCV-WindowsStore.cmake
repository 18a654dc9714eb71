include("${CMAKE_CURRENT_LIST_DIR}/OpenCV-WinRT.cmake")
