# Third-party libraries, all from Debian: the -dev packages natively, and for
# wasm the pinned Debian source packages that scripts/bootstrap fetched into
# .deps (an ignored link to a cache shared by every clone).
set(CIVIC_DEPS_DIR "${CMAKE_SOURCE_DIR}/.deps" CACHE PATH "scripts/bootstrap's cache")

# Header-only libraries (nlohmann/json, stb, doctest) live in /usr/include.
# Emscripten must not see the rest of /usr/include (glibc headers), so expose
# just these folders through links in the build tree.
set(CIVIC_SYSDEPS "${CMAKE_BINARY_DIR}/sysdeps/include")
file(MAKE_DIRECTORY "${CIVIC_SYSDEPS}")
foreach(dir nlohmann stb doctest)
  if(NOT EXISTS "/usr/include/${dir}")
    message(FATAL_ERROR "/usr/include/${dir} is missing: run scripts/bootstrap")
  endif()
  if(NOT EXISTS "${CIVIC_SYSDEPS}/${dir}")
    file(CREATE_LINK "/usr/include/${dir}" "${CIVIC_SYSDEPS}/${dir}" SYMBOLIC)
  endif()
endforeach()
add_library(civic_headers INTERFACE)
target_include_directories(civic_headers SYSTEM INTERFACE "${CIVIC_SYSDEPS}")
# core runs with exceptions off in the browser: nlohmann/json must never throw
# (it aborts instead), so core uses only its non-throwing parse and checked
# accessors — on every target, so both behave alike.
target_compile_definitions(civic_headers INTERFACE JSON_NOEXCEPTION)

# libsodium 1.0.18
add_library(civic_sodium INTERFACE)
if(EMSCRIPTEN)
  set(_sodium "${CIVIC_DEPS_DIR}/wasm/libsodium-1.0.18")
  if(NOT EXISTS "${_sodium}/lib/libsodium.a")
    message(FATAL_ERROR "wasm libsodium missing at ${_sodium}: run scripts/bootstrap")
  endif()
  target_include_directories(civic_sodium SYSTEM INTERFACE "${_sodium}/include")
  target_link_libraries(civic_sodium INTERFACE "${_sodium}/lib/libsodium.a")
else()
  find_package(PkgConfig REQUIRED)
  pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
  target_link_libraries(civic_sodium INTERFACE PkgConfig::SODIUM)
endif()

# libjpeg-turbo 2.1.5 (libjpeg 6b API): decoding scaled in the DCT domain and
# SIMD encoding natively; for wasm, Debian's source built by scripts/bootstrap.
add_library(civic_jpeg INTERFACE)
if(EMSCRIPTEN)
  set(_jpeg "${CIVIC_DEPS_DIR}/wasm/libjpeg-turbo-2.1.5-minsize-clz")
  if(NOT EXISTS "${_jpeg}/lib/libjpeg.a")
    message(FATAL_ERROR "wasm libjpeg-turbo missing at ${_jpeg}: run scripts/bootstrap")
  endif()
  target_include_directories(civic_jpeg SYSTEM INTERFACE "${_jpeg}/include")
  target_link_libraries(civic_jpeg INTERFACE "${_jpeg}/lib/libjpeg.a")
else()
  pkg_check_modules(JPEG REQUIRED IMPORTED_TARGET libjpeg)
  target_link_libraries(civic_jpeg INTERFACE PkgConfig::JPEG)
endif()

# Dear ImGui 1.86
if(NOT CIVIC_CORE_ONLY)
  if(EMSCRIPTEN)
    set(_imgui "${CIVIC_DEPS_DIR}/src/imgui")
    if(NOT EXISTS "${_imgui}/imgui.cpp")
      message(FATAL_ERROR "Dear ImGui source missing at ${_imgui}: run scripts/bootstrap")
    endif()
    add_library(civic_imgui STATIC
      ${_imgui}/imgui.cpp ${_imgui}/imgui_draw.cpp ${_imgui}/imgui_tables.cpp
      ${_imgui}/imgui_widgets.cpp ${_imgui}/misc/cpp/imgui_stdlib.cpp
      ${_imgui}/backends/imgui_impl_opengl3.cpp)
    target_include_directories(civic_imgui SYSTEM PUBLIC ${_imgui} ${_imgui}/backends ${_imgui}/misc/cpp)
    target_compile_definitions(civic_imgui PUBLIC IMGUI_IMPL_OPENGL_ES3)
    target_compile_options(civic_imgui PRIVATE -w)
  else()
    # Debian's libimgui.a carries the GLFW and OpenGL3 backends already.
    add_library(civic_imgui INTERFACE)
    target_include_directories(civic_imgui SYSTEM INTERFACE /usr/include/imgui /usr/include/imgui/backends)
    # It is built against Debian's shared stb (stb_truetype, stb_rect_pack): link that too.
    target_link_libraries(civic_imgui INTERFACE /usr/lib/x86_64-linux-gnu/libimgui.a stb)
  endif()
endif()
