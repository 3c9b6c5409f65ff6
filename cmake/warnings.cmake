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

# Declares one module library stargate_<name> (alias stargate::<name>) from every
# src/<name>/*.cpp. DEPS are public (their headers appear in ours), PRIVATE_DEPS are not.
function(stargate_module name)
  cmake_parse_arguments(ARG "" "" "DEPS;PRIVATE_DEPS" ${ARGN})
  file(GLOB sources CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/src/${name}/*.cpp)
  if(NOT sources)
    message(FATAL_ERROR "src/${name} has no sources")
  endif()
  add_library(stargate_${name} STATIC ${sources})
  add_library(stargate::${name} ALIAS stargate_${name})
  target_include_directories(stargate_${name} PUBLIC ${PROJECT_SOURCE_DIR}/include
                                              PRIVATE ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(stargate_${name} PUBLIC ${ARG_DEPS} PRIVATE ${ARG_PRIVATE_DEPS}
                                                                    stargate_options)
endfunction()
