#ifndef ORGRAPH_CLINEEDIT_SHIM_H
#define ORGRAPH_CLINEEDIT_SHIM_H
#include <stdio.h>
#include <histedit.h>
#endif
