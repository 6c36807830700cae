import { orderResolvers } from './order';
import { userResolvers } from './user';

export const resolvers = {
  Query: { ...userResolvers.Query, ...orderResolvers.Query },
  Mutation: { ...orderResolvers.Mutation },
  User: userResolvers.User,
  Order: orderResolvers.Order,
  OrderItem: orderResolvers.OrderItem,
};
