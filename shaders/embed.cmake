# shaders/embed.cmake — writes OUT, a C++ file holding each GLSL body in
# SOURCES (names from the file name: photo_edit.frag → kPhotoEditFrag) as a
# raw string. The #version line is not in the files: the renderer prepends
# the one its platform speaks (GL 3.3 core or GLSL ES 3.00) at load time.
string(REPLACE "|" ";" SOURCES "${SOURCES}")
set(_text "// Generated from shaders/*.vert|frag by shaders/embed.cmake. Do not edit.\nnamespace civic::shaders {\n")
foreach(_src IN LISTS SOURCES)
  get_filename_component(_name ${_src} NAME)
  string(REGEX REPLACE "[._]" ";" _parts ${_name})
  set(_id "k")
  foreach(_p IN LISTS _parts)
    string(SUBSTRING ${_p} 0 1 _first)
    string(TOUPPER ${_first} _first)
    string(SUBSTRING ${_p} 1 -1 _rest)
    string(APPEND _id "${_first}${_rest}")
  endforeach()
  file(READ ${_src} _body)
  string(APPEND _text "extern const char* const ${_id};\nconst char* const ${_id} = R\"glsl(${_body})glsl\";\n")
endforeach()
string(APPEND _text "}  // namespace civic::shaders\n")
file(WRITE ${OUT}.tmp "${_text}")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
