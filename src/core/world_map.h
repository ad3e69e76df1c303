// world_map.h — country outlines for the map view (placeholder: the entity-map work fills it in).
#pragma once

namespace lectern {

struct WorldMap {
  bool empty() const { return true; }
};

}  // namespace lectern
