# Project-wide compiler settings applied to every stargate target through
# stargate_target_defaults(<target>).
add_library(stargate_options INTERFACE)
target_compile_options(stargate_options INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
                                                  -Wno-sign-conversion -Wnon-virtual-dtor
                                                  -Wno-missing-field-initializers)
if(STARGATE_WERROR)
  target_compile_options(stargate_options INTERFACE -Werror)
endif()
if(STARGATE_SANITIZE)
  target_compile_options(stargate_options INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
                                                    -fno-sanitize-recover=all)
  target_link_options(stargate_options INTERFACE -fsanitize=address,undefined)
endif()

# Declares one module library: stargate_<name> with alias stargate::<name>.
function(stargate_module name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_library(stargate_${name} STATIC ${ARG_SOURCES})
  add_library(stargate::${name} ALIAS stargate_${name})
  target_include_directories(stargate_${name} PUBLIC ${PROJECT_SOURCE_DIR}/include
                                              PRIVATE ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(stargate_${name} PUBLIC ${ARG_DEPS} PRIVATE stargate_options)
endfunction()
